import { createHash } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import type { ContentIndex } from './content-index.js';
import type { FileProblem } from './read-content.js';
import { renderDocument, type RenderedDocument } from './render-document.js';

interface CachedDocument {
  readonly body: string;
  readonly bodyLine: number;
  readonly indexKey: string;
  readonly document: RenderedDocument;
  readonly problems: readonly FileProblem[];
}

/**
 * Rendered Markdown kept between loads (the development server keeps one across saves). A
 * document's HTML and problems depend only on its body, its place in the file and what its links
 * and images can resolve to (the index): while those are the same, the last render is reused.
 */
export type RenderCache = Map<string, CachedDocument>;

export function createRenderCache(): RenderCache {
  return new Map();
}

/** Which pages and assets exist, and at what URLs: a change here may change any document. */
export function indexKey(index: ContentIndex): string {
  const hash = createHash('sha256');
  for (const [file, url] of index.pages) hash.update(`${file}\0${url}\n`);
  for (const [file, asset] of index.assets)
    hash.update(`${file}\0${asset.url}\0${asset.width}x${asset.height}\n`);
  return hash.digest('base64url');
}

export function renderCached(
  cache: RenderCache | undefined,
  markdown: MarkdownIt,
  index: ContentIndex,
  key: string,
  file: { relative: string; body: string; bodyLine: number },
  problems: FileProblem[],
): RenderedDocument {
  const cached = cache?.get(file.relative);
  if (
    cached &&
    cached.body === file.body &&
    cached.bodyLine === file.bodyLine &&
    cached.indexKey === key
  ) {
    problems.push(...cached.problems);
    return cached.document;
  }
  const own: FileProblem[] = [];
  const document = renderDocument(markdown, index, file, own);
  problems.push(...own);
  cache?.set(file.relative, {
    body: file.body,
    bodyLine: file.bodyLine,
    indexKey: key,
    document,
    problems: own,
  });
  return document;
}

/** Forgets files that are gone, so that a long session does not keep deleted chapters. */
export function pruneRenderCache(cache: RenderCache | undefined, kept: ReadonlySet<string>): void {
  for (const relative of cache?.keys() ?? []) if (!kept.has(relative)) cache?.delete(relative);
}
