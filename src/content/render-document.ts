import type { MarkdownIt } from 'markdown-it';
import {
  createMarkdownEnv,
  renderMarkdown,
  type Heading,
  type PendingLink,
} from '../markdown/markdown-env.js';
import { resolversFor, type ContentIndex } from './content-index.js';
import type { FileProblem } from './read-content.js';

export interface RenderedDocument {
  readonly relative: string;
  readonly html: string;
  readonly headings: readonly Heading[];
  /** Links whose fragments are checked once every document is rendered; lines are the file's. */
  readonly links: readonly (PendingLink & { readonly column: number })[];
}

function columnOf(sourceLine: string | undefined, needle: string): number {
  const index = sourceLine?.indexOf(needle) ?? -1;
  return index === -1 ? 1 : index + 1;
}

/** Renders one Markdown body, reporting its problems at their line in the file. */
export function renderDocument(
  markdown: MarkdownIt,
  index: ContentIndex,
  file: { relative: string; body: string; bodyLine: number },
  problems: FileProblem[],
): RenderedDocument {
  const env = createMarkdownEnv(resolversFor(index, file.relative));
  const html = renderMarkdown(markdown, file.body, env);
  const lines = file.body.split('\n');
  for (const problem of env.problems) {
    problems.push({
      relative: file.relative,
      line: file.bodyLine + problem.line,
      column: columnOf(lines[problem.line], problem.needle),
      field: problem.field,
      message: problem.message,
      severity: problem.severity,
    });
  }
  const links = env.links.map((link) => ({
    ...link,
    line: file.bodyLine + link.line,
    column: columnOf(lines[link.line], link.written),
  }));
  return { relative: file.relative, html, headings: env.headings, links };
}

/** Every `#fragment` must name a heading of its target page. */
export function checkFragments(
  documents: readonly RenderedDocument[],
  problems: FileProblem[],
): void {
  const ids = new Map(documents.map((d) => [d.relative, new Set(d.headings.map((h) => h.id))]));
  for (const document of documents) {
    for (const link of document.links) {
      if (link.fragment === undefined) continue;
      const target = link.file ?? document.relative;
      const known = ids.get(target);
      if (!known || known.has(link.fragment)) continue;
      problems.push({
        relative: document.relative,
        line: link.line,
        column: link.column,
        field: 'link',
        severity: 'error',
        message: `Link to a section that does not exist: "${link.written}" (${target} has ${
          known.size === 0 ? 'no headings' : `#${[...known].join(', #')}`
        })`,
      });
    }
  }
}
