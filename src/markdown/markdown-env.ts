import type { MarkdownIt } from 'markdown-it';
import type { QuizRecord } from './quiz-record.js';

/** A heading of a rendered document, for its in-page table of contents. */
export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

/**
 * The text of one section of a page, for search: what a learner reads under one heading (the
 * text before the first heading has none). Taken from the tokens, not the HTML, so that the
 * anchor links' assistive text and the markup never reach the index (plugins/search-text.ts).
 */
export interface TextSection {
  /** The heading's anchor id: where a result links to. */
  readonly id: string | undefined;
  readonly heading: string | undefined;
  readonly text: string;
}

export interface ResolvedImage {
  readonly url: string;
  readonly width?: number;
  readonly height?: number;
}

export interface MarkdownProblem {
  /** 0-based line in the Markdown source. */
  readonly line: number;
  readonly field: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** Text as written on that line, to find the column. */
  readonly needle: string;
}

/** A link to check once every document is rendered (the target may not be rendered yet). */
export interface PendingLink {
  readonly line: number;
  /** The target as written, e.g. `02-front-matter.md#duration` or `#tables`. */
  readonly written: string;
  /** The target page's source file (undefined for a link within the same document). */
  readonly file: string | undefined;
  readonly fragment: string | undefined;
}

/** A script of public/js/ that enhances what a document holds, loaded only on its pages. */
export type ContentScript = 'quiz' | 'code-copy';

/**
 * What one render needs from, and tells, the content core. markdown-it passes `env` to every
 * rule, so plugins stay pure functions of `md` and all per-document state lives here.
 */
export interface MarkdownEnv {
  /** Maps a relative link to another Markdown file (`02-x.md#frag`) to its page URL. */
  resolveLink(
    written: string,
  ): { url: string; file: string; fragment: string | undefined } | undefined;
  /** Maps an image path as written to its public URL, or undefined if there is no such file. */
  resolveImage(written: string): ResolvedImage | undefined;
  readonly headings: Heading[];
  readonly links: PendingLink[];
  readonly problems: MarkdownProblem[];
  readonly quizzes: QuizRecord[];
  /** The browser scripts the document needs, each once, in the order first needed. */
  readonly scripts: ContentScript[];
  /** The text under each heading, for search (see plugins/search-text.ts). */
  readonly sections: TextSection[];
  /**
   * The interface words the document's own HTML holds (a quiz's buttons, a callout's title), in
   * the page's language: `markdown.*` keys of the locale files.
   */
  readonly text: InterfaceText;
}

/** A `markdown.*` text of the page's language, its `{name}`s filled in. */
export type InterfaceText = (
  key: string,
  params?: Readonly<Record<string, string | number>>,
) => string;

export function createMarkdownEnv(
  resolvers: Pick<MarkdownEnv, 'resolveLink' | 'resolveImage'>,
  text: InterfaceText,
): MarkdownEnv {
  return {
    ...resolvers,
    text,
    ...{ headings: [], links: [], problems: [], quizzes: [], scripts: [], sections: [] },
  };
}

/** The env of a render started by the content core (markdown-it types it loosely). */
export function envOf(state: { env: object }): MarkdownEnv {
  return state.env as MarkdownEnv;
}

/** Notes that the document needs a browser script. */
export function needScript(env: MarkdownEnv, script: ContentScript): void {
  if (!env.scripts.includes(script)) env.scripts.push(script);
}

/** A URL fragment as text; a malformed escape is kept as written rather than thrown. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Renders with a typed env (markdown-it types env as an open record; ours is a closed interface). */
export function renderMarkdown(markdown: MarkdownIt, source: string, env: MarkdownEnv): string {
  return markdown.render(source, env);
}
