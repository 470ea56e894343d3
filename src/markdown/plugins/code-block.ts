import hljs from 'highlight.js/lib/common';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { suggest } from '../../content/suggest.js';
import { envOf, needScript, type MarkdownEnv } from '../markdown-env.js';

/** What a fence's info string says: ```js title="app.js" */
interface FenceMeta {
  readonly language: string;
  readonly title: string;
  /** The language as the block's header shows it ('' for none). */
  readonly label: string;
  /** Whether highlight.js knows the language. */
  readonly known: boolean;
}

// highlight.js names these "HTML, XML", "TOML, also INI" or "Plain text": a header names what
// the block holds, as the editor wrote it.
// Plain text and a Python console are named in the page's language; the others are names.
const PLAIN_TEXT = 'Text';
const PYTHON_CONSOLE = 'Python console';
const SAID: Readonly<Record<string, string>> = {
  [PLAIN_TEXT]: 'markdown.plainText',
  [PYTHON_CONSOLE]: 'markdown.pythonConsole',
};
const LABELS: Readonly<Record<string, string>> = {
  html: 'HTML',
  xhtml: 'XHTML',
  xml: 'XML',
  svg: 'SVG',
  toml: 'TOML',
  ini: 'INI',
  php: 'PHP',
  'python-repl': PYTHON_CONSOLE,
  pycon: PYTHON_CONSOLE,
  plaintext: PLAIN_TEXT,
  text: PLAIN_TEXT,
  txt: PLAIN_TEXT,
};

const TITLE = /\btitle=(?:"([^"]*)"|'([^']*)')/;

/** Every name and alias highlight.js answers to, for "did you mean". */
function languageNames(): string[] {
  return hljs.listLanguages().flatMap((name) => [name, ...(hljs.getLanguage(name)?.aliases ?? [])]);
}

function fenceMeta(info: string): FenceMeta {
  const language = (/^\S*/.exec(info)?.[0] ?? '').toLowerCase();
  const found = TITLE.exec(info);
  const title = found?.[1] ?? found?.[2] ?? '';
  const grammar = language ? hljs.getLanguage(language) : undefined;
  const label = language ? (LABELS[language] ?? grammar?.name ?? language) : '';
  return { language, title, label, known: grammar !== undefined };
}

/** Reads each fence's language and file name, and warns about a language nobody knows. */
function fenceRule(state: StateCore, names: () => readonly string[]): void {
  const env = envOf(state);
  for (const token of state.tokens) {
    if (token.type !== 'fence') continue;
    const meta = fenceMeta(state.md.utils.unescapeAll(token.info).trim());
    token.meta = meta;
    needScript(env, 'code-copy');
    if (!meta.language || meta.known) continue;
    const near = suggest(meta.language, names());
    env.problems.push({
      line: token.map?.[0] ?? 0,
      field: 'code',
      severity: 'warning',
      needle: meta.language,
      message:
        `Unknown code language "${meta.language}"` +
        (near ? `: did you mean "${near}"?` : ': write text for plain text') +
        ' (the block is shown without highlighting)',
    });
  }
}

function highlighted(token: Token, meta: FenceMeta, escape: (text: string) => string): string {
  if (!meta.known || meta.label === PLAIN_TEXT) return escape(token.content);
  return hljs.highlight(token.content, { language: meta.language, ignoreIllegals: true }).value;
}

/**
 * A fenced block, highlighted when the site is built: highlight.js's classes, coloured by the
 * stylesheet (no inline style, so the CSP stays strict). A header names the file and the
 * language; public/js/code-copy.js adds a "Copy" button to it. The block scrolls sideways on
 * its own, so keyboard users must be able to focus it.
 */
function fenceHtml(token: Token, escape: (text: string) => string, env: MarkdownEnv): string {
  const meta = token.meta as FenceMeta;
  const key = SAID[meta.label];
  const said = key ? env.text(key) : meta.label;
  const language = meta.language ? ` class="language-${escape(meta.language)}"` : '';
  const title = meta.title ? `<span class="code-title">${escape(meta.title)}</span>` : '';
  const label = said ? `<span class="code-language">${escape(said)}</span>` : '';
  return (
    `<div class="code-block" data-code-block>\n` +
    (title || label ? `<div class="code-header">${title}${label}</div>\n` : '') +
    `<pre tabindex="0"><code${language}>${highlighted(token, meta, escape)}</code></pre>\n` +
    `</div>\n`
  );
}

export function codeBlockPlugin(md: MarkdownIt): void {
  const code = md.renderer.rules.code_block;
  if (!code) throw new Error('markdown-it has no code_block renderer to wrap');
  let names: readonly string[] | undefined;
  // The names are listed once per Markdown instance, and only if a language is unknown.
  md.core.ruler.push('code_languages', (state) =>
    fenceRule(state, () => (names ??= languageNames())),
  );
  md.renderer.rules.fence = (tokens, index, _options, env) =>
    fenceHtml(tokens[index] as Token, md.utils.escapeHtml, envOf({ env: env as object }));
  md.renderer.rules.code_block = (...args) => code(...args).replace(/^<pre>/, '<pre tabindex="0">');
}
