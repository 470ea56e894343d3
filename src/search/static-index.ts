import { createHash } from 'node:crypto';
import type { AsPlainObject } from 'minisearch';
import type { SearchDocument } from './search-documents.js';
import type { SearchIndex } from './search-index.js';

/**
 * The index a static host serves, in pieces, so that a query fetches only what it needs: an
 * entry file (every page's field lengths, what ranking needs), one file of terms per first two
 * letters, and one small file per page with what a result shows. The browser puts the entry and
 * the term files a query needs back together as MiniSearch's own serialised form, and searches
 * it with the server's options: the same ranking, from a few files.
 */
export const STATIC_INDEX_URL = '/search/index.json';

export interface StaticIndexEntry {
  readonly version: 1;
  /** MiniSearch's serialised index without its terms (`index: []`). */
  readonly miniSearch: AsPlainObject;
  /** The URL of each term file, by the first two letters of its terms. */
  readonly terms: Readonly<Record<string, string>>;
}

export interface StaticIndexFile {
  readonly url: string;
  readonly body: string;
  /** Fingerprinted: the same URL is always the same bytes. */
  readonly immutable: boolean;
}

/** Which term file holds a term: its first two characters (one for a one-letter term). */
export function shardOf(term: string): string {
  return Array.from(term).slice(0, 2).join('');
}

/** The page's file of what a result shows: `/courses/a/b/` -> `/search/pages/courses/a/b.json`. */
export function pageFileUrl(url: string): string {
  return `/search/pages${url.replace(/\/$/, '')}.json`;
}

const fingerprint = (body: string) =>
  createHash('sha256').update(body).digest('base64url').slice(0, 10);

function termFiles(entries: AsPlainObject['index']) {
  const shards = new Map<string, AsPlainObject['index']>();
  for (const entry of entries) {
    const key = shardOf(entry[0]);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = []));
    shard.push(entry);
  }
  return [...shards].map(([key, shard]) => {
    const body = JSON.stringify(shard);
    const name = Buffer.from(key, 'utf8').toString('hex');
    return {
      key,
      file: { url: `/search/terms/${name}.${fingerprint(body)}.json`, body, immutable: true },
    };
  });
}

/** What a result shows of a page, without the parts of the model only the server needs. */
function pageFile(document: SearchDocument): StaticIndexFile {
  const { url, kind, language, title, course, part, sections } = document;
  const body = JSON.stringify({ url, kind, language, title, course, part, sections });
  return { url: pageFileUrl(url), body, immutable: false };
}

/** Every file of the static index, its entry first. */
export function staticIndexFiles(index: SearchIndex): StaticIndexFile[] {
  const { index: terms, ...rest } = index.miniSearch.toJSON();
  const shards = termFiles(terms);
  const entry: StaticIndexEntry = {
    version: 1,
    miniSearch: { ...rest, index: [] },
    terms: Object.fromEntries(shards.map(({ key, file }) => [key, file.url])),
  };
  return [
    { url: STATIC_INDEX_URL, body: JSON.stringify(entry), immutable: false },
    ...shards.map((shard) => shard.file),
    ...[...index.documents.values()].map(pageFile),
  ];
}
