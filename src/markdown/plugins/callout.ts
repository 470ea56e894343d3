import type { MarkdownIt, PluginWithParams } from 'markdown-it';
import container from 'markdown-it-container';
import { envOf } from '../markdown-env.js';

/** Each kind of callout, and the key of the title it shows when it names none. */
export const CALLOUT_TYPES = {
  note: 'markdown.note',
  tip: 'markdown.tip',
  warning: 'markdown.warning',
} as const;

/**
 * `::: note`, `::: tip Optional title`, `::: warning` blocks. A div with role="note", not an
 * aside: an aside inside main is a landmark of its own for screen readers.
 */
export function calloutPlugin(md: MarkdownIt): void {
  for (const [type, label] of Object.entries(CALLOUT_TYPES)) {
    // @types/markdown-it-container types `md` with the CommonJS declarations of markdown-it.
    md.use(container as unknown as PluginWithParams, type, {
      render(
        tokens: { info: string; nesting: number }[],
        index: number,
        _options: unknown,
        env: object,
      ): string {
        const token = tokens[index];
        if (!token || token.nesting !== 1) return '</div>\n';
        const title = token.info.trim().slice(type.length).trim() || envOf({ env }).text(label);
        return (
          `<div class="callout callout-${type}" role="note">\n` +
          `<p class="callout-title">${md.utils.escapeHtml(title)}</p>\n`
        );
      },
    });
  }
}
