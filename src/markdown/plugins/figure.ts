import type { MarkdownIt, StateCore } from 'markdown-it';

/**
 * A paragraph holding only an image with a title becomes a figure, the title its caption:
 * `![alt](images/x.svg "Caption")`. The title leaves the img, so the caption is not read twice.
 */
function figureRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (
      open?.type !== 'paragraph_open' ||
      inline?.type !== 'inline' ||
      close?.type !== 'paragraph_close'
    )
      continue;
    const children = (inline.children ?? []).filter(
      (t) => !(t.type === 'text' && t.content.trim() === ''),
    );
    const image = children[0];
    const caption = String(image?.attrGet('title') ?? '');
    if (children.length !== 1 || image?.type !== 'image' || !caption) continue;
    image.attrs = (image.attrs ?? []).filter(([name]) => name !== 'title');
    open.type = 'figure_open';
    open.tag = 'figure';
    close.type = 'figure_close';
    close.tag = 'figure';
    const captionOpen = new state.Token('figcaption_open', 'figcaption', 1);
    const captionText = new state.Token('text', '', 0);
    captionText.content = caption;
    const captionClose = new state.Token('figcaption_close', 'figcaption', -1);
    captionClose.block = true;
    tokens.splice(i + 2, 0, captionOpen, captionText, captionClose);
    i += 5;
  }
}

export function figurePlugin(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'figure', figureRule);
}
