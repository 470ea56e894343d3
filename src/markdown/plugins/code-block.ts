import type { MarkdownIt } from 'markdown-it';

/** A code block scrolls sideways on its own; keyboard users must be able to focus it to scroll. */
export function codeBlockPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  const code = md.renderer.rules.code_block;
  if (!fence || !code) throw new Error('markdown-it has no fence or code_block renderer to wrap');
  md.renderer.rules.fence = (...args) => fence(...args).replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.code_block = (...args) => code(...args).replace(/^<pre>/, '<pre tabindex="0">');
}
