import { createHash } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import {
  createMarkdownEnv,
  renderMarkdown,
  type ContentScript,
  type Heading,
  type PendingLink,
  type TextSection,
} from '../markdown/markdown-env.js';
import type { QuizRecord } from '../markdown/quiz-record.js';
import { resolversFor, type ContentIndex } from './content-index.js';
import type { Messages } from '../i18n/messages.js';
import { createTranslator } from '../i18n/translator.js';
import { errorAt, type ContentProblem } from './content-problem.js';

/** One Markdown body to render, where it sits in its file. */
export interface MarkdownSource {
  readonly relative: string;
  readonly body: string;
  readonly bodyLine: number;
  /** A hash of the body, its first line and its text: what its render is memoised by. */
  readonly hash: string;
  /** The page's language, and its `markdown.*` interface text (see MarkdownEnv.text). */
  readonly lang: string;
  readonly text: Messages;
}

/**
 * A link or image path the render asked the index about, and what it got: the render's only
 * input besides its source. While every lookup still gets the same answer, the render holds.
 */
export type Lookup = readonly ['link' | 'image', string, string];

export interface RenderedDocument {
  readonly relative: string;
  readonly html: string;
  /** A hash of the HTML: what a page's key names its body by (see pageKey). */
  readonly htmlHash: string;
  readonly headings: readonly Heading[];
  /** The text under each heading, for the search index. */
  readonly sections: readonly TextSection[];
  /** Links whose fragments are checked once every document is rendered; lines are the file's. */
  readonly links: readonly (PendingLink & { readonly column: number })[];
  readonly problems: readonly ContentProblem[];
  readonly lookups: readonly Lookup[];
  /** The document's quizzes, in page order. */
  readonly quizzes: readonly QuizRecord[];
  /** The browser scripts its page loads for what the document holds (quizzes, code blocks). */
  readonly scripts: readonly ContentScript[];
}

function columnOf(sourceLine: string | undefined, needle: string): number {
  const index = sourceLine?.indexOf(needle) ?? -1;
  return index === -1 ? 1 : index + 1;
}

type Resolvers = ReturnType<typeof resolversFor>;
type LinkAnswer = ReturnType<Resolvers['resolveLink']>;
type ImageAnswer = ReturnType<Resolvers['resolveImage']>;

// A lookup's answer as a string, to compare one index's answer with another's.
const linkAnswer = (link: LinkAnswer) => (link ? `${link.url}\0${link.file}` : '');
const imageAnswer = (image: ImageAnswer) =>
  image ? `${image.url}\0${image.width}\0${image.height}` : '';

function answer(kind: Lookup[0], index: ContentIndex, from: string, written: string): string {
  const resolvers = resolversFor(index, from);
  return kind === 'link'
    ? linkAnswer(resolvers.resolveLink(written))
    : imageAnswer(resolvers.resolveImage(written));
}

/** Resolvers that note each question and its answer, resolving each once. */
function recordingResolvers(index: ContentIndex, from: string, lookups: Lookup[]): Resolvers {
  const resolvers = resolversFor(index, from);
  return {
    resolveLink(written) {
      const link = resolvers.resolveLink(written);
      lookups.push(['link', written, linkAnswer(link)]);
      return link;
    },
    resolveImage(written) {
      const image = resolvers.resolveImage(written);
      lookups.push(['image', written, imageAnswer(image)]);
      return image;
    },
  };
}

/** Whether a render made against an earlier index is still what this index would give. */
export function lookupsHold(document: RenderedDocument, index: ContentIndex): boolean {
  return document.lookups.every(
    ([kind, written, was]) => answer(kind, index, document.relative, written) === was,
  );
}

/**
 * The render stage, for one body: Markdown -> HTML, its headings, its links to check, and its
 * problems at their line in the file.
 */
export function renderDocument(
  markdown: MarkdownIt,
  index: ContentIndex,
  source: MarkdownSource,
): RenderedDocument {
  const lookups: Lookup[] = [];
  const { t } = createTranslator(
    { code: source.lang, file: '', name: source.lang, messages: source.text },
    source.lang,
  );
  const env = createMarkdownEnv(recordingResolvers(index, source.relative, lookups), t);
  const html = renderMarkdown(markdown, source.body, env);
  const lines = source.body.split('\n');
  const problems = env.problems.map((problem) => ({
    ...errorAt(source.relative, problem.field, problem.message, {
      line: source.bodyLine + problem.line,
      column: columnOf(lines[problem.line], problem.needle),
    }),
    severity: problem.severity,
  }));
  const links = env.links.map((link) => ({
    ...link,
    line: source.bodyLine + link.line,
    column: columnOf(lines[link.line], link.written),
  }));
  const htmlHash = createHash('sha1').update(html).digest('base64url');
  const { headings, quizzes, scripts, sections } = env;
  return {
    ...{ relative: source.relative, html, htmlHash, headings, sections, links, problems, lookups },
    ...{ quizzes, scripts },
  };
}

/** The heading ids of each document, kept across builds by whoever holds the documents. */
export type HeadingIds = WeakMap<RenderedDocument, ReadonlySet<string>>;

/** Every `#fragment` must name a heading of its target page. */
export function checkFragments(
  documents: readonly RenderedDocument[],
  known: HeadingIds = new WeakMap(),
): ContentProblem[] {
  const idsOf = (document: RenderedDocument) => {
    let ids = known.get(document);
    if (!ids) {
      ids = new Set(document.headings.map((h) => h.id));
      known.set(document, ids);
    }
    return ids;
  };
  const ids = new Map(documents.map((d) => [d.relative, idsOf(d)]));
  const problems: ContentProblem[] = [];
  for (const document of documents) {
    for (const link of document.links) {
      if (link.fragment === undefined) continue;
      const target = link.file ?? document.relative;
      const known = ids.get(target);
      if (!known || known.has(link.fragment)) continue;
      const has = known.size === 0 ? 'no headings' : `#${[...known].join(', #')}`;
      const message = `Link to a section that does not exist: "${link.written}" (${target} has ${has})`;
      problems.push(errorAt(document.relative, 'link', message, link));
    }
  }
  return problems;
}
