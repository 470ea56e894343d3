import type { MarkdownIt, StateCore } from 'markdown-it';

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
 * A wide table scrolls inside its own box instead of widening the page. The box is focusable and
 * labelled so that keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function tablePlugin(md: MarkdownIt): void {
  md.core.ruler.push('table_alignment_classes', alignmentClassesRule);
  md.renderer.rules.table_open = (tokens, index, options, _env, self) =>
    '<div class="table-scroll" tabindex="0" role="region" aria-label="Table">\n' +
    self.renderToken(tokens, index, options);
  md.renderer.rules.table_close = (tokens, index, options, _env, self) =>
    self.renderToken(tokens, index, options) + '</div>\n';
}
