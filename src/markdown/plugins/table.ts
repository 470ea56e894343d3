import type { MarkdownIt, StateCore } from 'markdown-it';
import { envOf } from '../markdown-env.js';

/** Column alignment as classes: markdown-it writes `style="text-align:…"`, which the CSP forbids. */
function alignmentClassesRule(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (!align) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${align}`);
  }
}

/**
 * Each table's scroll box is a region, and regions need distinct names: the table is named after
 * the heading it sits under ("Table: We care"), numbered when a section holds several.
 */
function tableNamesRule(state: StateCore): void {
  let heading = '';
  const used = new Map<string, number>();
  const { text } = envOf(state);
  state.tokens.forEach((token, index) => {
    if (token.type === 'heading_open') heading = state.tokens[index + 1]?.content ?? '';
    if (token.type !== 'table_open') return;
    const base = heading ? text('markdown.namedTable', { heading }) : text('markdown.table');
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    token.meta = {
      ...(token.meta as object | null),
      label: count === 1 ? base : `${base} (${count})`,
    };
  });
}

/**
 * A wide table scrolls inside its own box instead of widening the page. The box is focusable and
 * labelled so that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function tablePlugin(md: MarkdownIt): void {
  md.core.ruler.push('table_alignment_classes', alignmentClassesRule);
  md.core.ruler.push('table_names', tableNamesRule);
  md.renderer.rules.table_open = (tokens, index, options, _env, self) => {
    const label = (tokens[index]?.meta as { label?: string } | null)?.label ?? '';
    return (
      `<div class="table-scroll" tabindex="0" role="region" aria-label="${md.utils.escapeHtml(label)}">\n` +
      self.renderToken(tokens, index, options)
    );
  };
  md.renderer.rules.table_close = (tokens, index, options, _env, self) =>
    self.renderToken(tokens, index, options) + '</div>\n';
}
