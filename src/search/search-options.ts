import type { Options, SearchOptions } from 'minisearch';
import type { SearchDocument } from './search-documents.js';

/**
 * Capitals and accents do not matter: "eleve" finds "élève". The browser's copy of this
 * (public/js/search.js) must give the same terms: test/search/browser-search.test.ts holds them equal.
 */
export function normalizeTerm(term: string): string | null {
  const normalized = normalizeText(term);
  return normalized === '' ? null : normalized;
}

/**
 * The same for a whole field at once, before it is split into words: one call per field
 * instead of one per word is most of the time an index takes to make.
 */
export function normalizeText(text: string): string {
  // Most text is plain ASCII, which has no accents to take off: NFD would only copy it.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^\p{ASCII}*$/u;

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
 * How a query is searched: the last word (the one being typed) as a prefix from 3 letters
 * ("princ"); typos are forgiven in a second pass, only when the words as typed found nothing:
 * one typo from 4 letters and two from 8 ("principels": a swap is two edits). Shorter words
 * only match as typed, or every two-letter word would match half the site. Searching every
 * word for its typos costs several times the search itself on a big site.
 */
const BOOST = { title: 4, headings: 2, text: 1, course: 0.5 };

export const QUERY_OPTIONS = {
  boost: BOOST,
  processTerm: normalizeTerm,
  prefix: (term: string, i: number, terms: readonly string[]) =>
    i === terms.length - 1 && term.length >= 3,
  fuzzy: false,
} satisfies SearchOptions;

export const TYPO_OPTIONS = {
  ...QUERY_OPTIONS,
  fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
} satisfies SearchOptions;

export function indexOptions(): Options<SearchDocument> {
  return {
    idField: 'url',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    // Fields are normalised whole in extractField; each word is then as it should be.
    processTerm: (term) => term || null,
    extractField: (document, field) =>
      field === 'url' ? document.url : normalizeText(fieldOf(document, field as SearchField)),
    searchOptions: QUERY_OPTIONS,
  };
}
