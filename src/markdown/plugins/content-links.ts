import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { decodeFragment, envOf, type MarkdownEnv } from '../markdown-env.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function resolveLinkToken(token: Token, line: number, env: MarkdownEnv): void {
  const written = String(token.attrGet('href') ?? '');
  if (written.startsWith('#')) {
    env.links.push({ line, written, file: undefined, fragment: decodeFragment(written.slice(1)) });
    return;
  }
  if (SCHEME.test(written)) return;
  const target = env.resolveLink(written);
  if (target) {
    token.attrSet('href', target.url + (target.fragment ? `#${target.fragment}` : ''));
    env.links.push({ line, written, file: target.file, fragment: target.fragment });
    return;
  }
  const message =
    /\.md(#|$)/.test(written) || written.startsWith('/')
      ? `Link to a page that does not exist: "${written}"`
      : `Relative link "${written}" is not a chapter: link to a .md file, or use an absolute URL`;
  env.problems.push({ line, field: 'link', severity: 'error', message, needle: written });
}

function resolveImageToken(token: Token, line: number, env: MarkdownEnv): void {
  const written = String(token.attrGet('src') ?? '');
  if (token.content.trim() === '') {
    env.problems.push({
      line,
      field: 'image',
      severity: 'error',
      needle: written,
      message: `Image without alt text: describe what "${written}" shows, as in ![A diagram of …](${written})`,
    });
  }
  if (SCHEME.test(written)) return;
  const image = env.resolveImage(written);
  if (!image) {
    env.problems.push({
      line,
      field: 'image',
      severity: 'error',
      needle: written,
      message: `Image not found: "${written}" (paths are relative to this file)`,
    });
    return;
  }
  token.attrSet('src', image.url);
  if (image.width && image.height) {
    token.attrSet('width', String(image.width));
    token.attrSet('height', String(image.height));
  }
  token.attrSet('loading', 'lazy');
  token.attrSet('decoding', 'async');
}

/**
 * Rewrites links to other Markdown files into page URLs and image paths into asset URLs,
 * reporting what does not resolve. Links to fragments are checked later, once every page has
 * its heading ids.
 */
function contentLinksRule(state: StateCore): void {
  const env = envOf(state);
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let line = block.map?.[0] ?? 0;
    for (const token of block.children) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') line++;
      else if (token.type === 'link_open') resolveLinkToken(token, line, env);
      else if (token.type === 'image') resolveImageToken(token, line, env);
    }
  }
}

export function contentLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('content_links', contentLinksRule);
}
