import type { Options, SearchOptions } from 'minisearch';
import type { SearchDocument } from './search-documents.js';

/**
 * Capitals and accents do not matter: "eleve" finds "élève". The browser's copy of this
 * (public/js/search.js) must give the same terms: test/search/browser-search.test.ts holds them equal.
 */
export function normalizeTerm(term: string): string | null {
  const normalized = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return normalized === '' ? null : normalized;
}

/** Where each term is searched, and how much a match there weighs. */
export const SEARCH_FIELDS = ['title', 'headings', 'text', 'course'] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A field's text from a document: the sections' headings and text are joined. */
export function fieldOf(document: SearchDocument, field: SearchField): string {
  if (field === 'title') return document.title;
  if (field === 'course') return [document.course, document.part].filter(Boolean).join(' ');
  if (field === 'headings') return document.sections.map((s) => s.heading ?? '').join(' \n ');
  return document.sections.map((s) => s.text).join(' \n ');
}

/**
 * A prefix is looked for from 3 letters ("princ"), one typo from 4 letters and two from 8
 * ("principels": a swap is two edits for Levenshtein). Shorter words only match as typed,
 * or every two-letter word would match half the site.
 */
export const QUERY_OPTIONS = {
  boost: { title: 4, headings: 2, text: 1, course: 0.5 },
  prefix: (term: string) => term.length >= 3,
  fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
} satisfies SearchOptions;

export function indexOptions(): Options<SearchDocument> {
  return {
    idField: 'url',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    processTerm: normalizeTerm,
    extractField: (document, field) =>
      field === 'url' ? document.url : fieldOf(document, field as SearchField),
    searchOptions: QUERY_OPTIONS,
  };
}
