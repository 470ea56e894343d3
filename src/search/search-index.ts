import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchDocument } from './search-documents.js';
import { indexOptions, QUERY_OPTIONS, TYPO_OPTIONS } from './search-options.js';

/** One page a query found, with the index terms it matched (for the excerpt's marks). */
export interface SearchHit {
  /** The page's URL: its document's id. */
  readonly url: string;
  readonly score: number;
  readonly terms: readonly string[];
  /** Every matched term is in the title: the page's top is the place to land, not a section. */
  readonly inTitle: boolean;
}

/** A MiniSearch index of the site's pages and the documents it was made from, by URL. */
export interface SearchIndex {
  readonly miniSearch: MiniSearch<SearchDocument>;
  readonly documents: Map<string, SearchDocument>;
}

/** An index serialised by MiniSearch (JSON.stringify), with the documents it was made from. */
export function loadSearchIndex(json: string, documents: readonly SearchDocument[]): SearchIndex {
  const miniSearch = MiniSearch.loadJSON(json, indexOptions());
  return { miniSearch, documents: new Map(documents.map((d) => [d.url, d])) };
}

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const miniSearch = new MiniSearch(indexOptions());
  miniSearch.addAll(documents);
  return { miniSearch, documents: new Map(documents.map((d) => [d.url, d])) };
}

/**
 * Brings an index up to date with the site's documents: only those that are new objects (their
 * course changed) are indexed again, so a save in development costs one course, not the site.
 * Returns the number of documents indexed again.
 */
export function updateSearchIndex(index: SearchIndex, documents: readonly SearchDocument[]) {
  const { miniSearch } = index;
  const current = new Set<string>();
  let changed = 0;
  for (const document of documents) {
    current.add(document.url);
    const known = index.documents.get(document.url);
    if (known === document) continue;
    if (known) miniSearch.replace(document);
    else miniSearch.add(document);
    index.documents.set(document.url, document);
    changed++;
  }
  for (const url of index.documents.keys()) {
    if (current.has(url)) continue;
    miniSearch.discard(url);
    index.documents.delete(url);
    changed++;
  }
  return changed;
}

/**
 * Every page the query finds, best first. All the words must match; when no page has them all
 * as typed, their typos are forgiven; when still none has them all, pages with any of them are
 * better than nothing.
 */
export function searchPages(miniSearch: MiniSearch<SearchDocument>, query: string): SearchHit[] {
  let results: SearchResult[] = miniSearch.search(query, { ...QUERY_OPTIONS, combineWith: 'AND' });
  if (results.length === 0)
    results = miniSearch.search(query, { ...TYPO_OPTIONS, combineWith: 'AND' });
  if (results.length === 0)
    results = miniSearch.search(query, { ...TYPO_OPTIONS, combineWith: 'OR' });
  // Documents are looked up only for the results shown: a common word finds most pages.
  return results.map((result) => ({
    url: String(result.id),
    score: result.score,
    terms: result.terms,
    inTitle: result.terms.every((term) => result.match[term]?.includes('title')),
  }));
}
