import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { envOf, type TextSection } from '../markdown-env.js';

function inlineText(token: Token): string {
  if (!token.children) return token.content;
  return token.children
    .map((child) => {
      if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
      if (child.type === 'image') return inlineText(child);
      return child.type === 'text' || child.type === 'code_inline' ? child.content : '';
    })
    .join('');
}

interface Open {
  id: string | undefined;
  heading: string | undefined;
  parts: string[];
}

const close = (open: Open): TextSection => ({
  id: open.id,
  heading: open.heading,
  text: open.parts.join(' ').replace(/\s+/g, ' ').trim(),
});

function searchTextRule(state: StateCore): void {
  const sections: TextSection[] = [];
  let open: Open = { id: undefined, heading: undefined, parts: [] };
  // The inline token of a heading with an id is that section's title, not text under it.
  let title = -1;
  state.tokens.forEach((token, index) => {
    const id = token.type === 'heading_open' ? token.attrGet('id') : null;
    if (id) {
      if (open.id !== undefined || open.parts.length > 0) sections.push(close(open));
      const heading = inlineText(state.tokens[index + 1]!).trim();
      open = { id: String(id), heading, parts: [] };
      title = index + 1;
    } else if (token.type === 'inline' && index !== title) open.parts.push(inlineText(token));
    else if (token.type === 'fence' || token.type === 'code_block') open.parts.push(token.content);
  });
  if (open.id !== undefined || open.parts.length > 0) sections.push(close(open));
  envOf(state).sections.push(...sections);
}

/** Collects each section's text into env.sections, after every rule that sets ids or text. */
export function searchTextPlugin(md: MarkdownIt): void {
  md.core.ruler.push('search_text', searchTextRule);
}
