import type { Site } from '../content/model.js';
import { homeOf, searchUrlOf } from '../content/urls.js';
import type { Translator } from '../i18n/translator.js';
import { bestSection, excerpt } from '../search/excerpt.js';
import type { SearchDocument } from '../search/search-documents.js';
import type { SearchHit } from '../search/search-index.js';
import type { PageContext } from './page-context.js';
import { layout, type PageLanguage } from './site-pages.js';
import type { Page, SearchPageModel, SearchResultModel } from './view-model.js';

export const RESULTS_PER_PAGE = 20;
// Enough for any half-remembered phrase; each word costs a walk of the index (prefixes, typos).
export const MAX_QUERY_WORDS = 8;
export const MAX_QUERY_CHARACTERS = 100;

/** What a query asks, as the page shows and searches it, and what was cut from it. */
export interface SearchQuery {
  readonly text: string;
  /** What the query was cut to, when it was: its first words, or its first characters. */
  readonly cut: 'words' | 'characters' | undefined;
}

/** The browser-side files of search: its script, the static index's entry file, MiniSearch. */
export interface SearchAssets {
  readonly scriptUrl: string;
  readonly indexUrl: string;
  readonly libraryUrl: string;
}

/** A parameter as Express's simple parser gives it: a string, a list of them, or nothing. */
function firstValue(raw: unknown): string | undefined {
  const value = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
  return typeof value === 'string' ? value : undefined;
}

/** The query as typed, its spaces tidied and cut to MAX_QUERY_WORDS words or MAX_QUERY_CHARACTERS. */
export function readQuery(raw: unknown): SearchQuery {
  // Control characters are never part of a word; they are shown as spaces.
  const words = (firstValue(raw) ?? '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .split(' ');
  const kept = words.slice(0, MAX_QUERY_WORDS).join(' ');
  const characters = [...kept];
  const text = characters.slice(0, MAX_QUERY_CHARACTERS).join('').trim();
  if (words.length > MAX_QUERY_WORDS) return { text, cut: 'words' };
  if (characters.length > MAX_QUERY_CHARACTERS) return { text, cut: 'characters' };
  return { text, cut: undefined };
}

/** `?page=` as a number from 1; undefined when it is not one (the page then answers 404). */
export function readPageNumber(raw: unknown): number | undefined {
  const value = firstValue(raw);
  if (value === undefined || value === '') return 1;
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const page = Number(value);
  return page >= 1 ? page : undefined;
}

function noticeOf(query: SearchQuery, tr: Translator): string | undefined {
  if (query.cut === 'words') return tr.t('search.cutWords', { count: MAX_QUERY_WORDS });
  if (query.cut === 'characters')
    return tr.t('search.cutCharacters', { count: MAX_QUERY_CHARACTERS });
  return undefined;
}

function resultOf(hit: SearchHit, document: SearchDocument, tr: Translator): SearchResultModel {
  const terms = new Set(hit.terms);
  const best = hit.inTitle ? undefined : bestSection(document.sections, terms);
  const text = best?.text || document.sections.find((s) => s.text !== '')?.text || '';
  const where = [document.course, document.part].filter(Boolean).join(' › ');
  return {
    url: best?.id ? `${document.url}#${best.id}` : document.url,
    title: document.title,
    context: document.kind === 'course' ? tr.t('search.contextCourse') : where,
    heading: best?.heading,
    excerpt: excerpt(text, terms),
    lang: document.language === tr.lang ? undefined : document.language,
  };
}

export function pageLink(query: string, page: number, url: string): string {
  const q = `?q=${encodeURIComponent(query).replace(/%20/g, '+')}`;
  return `${url}${q}${page > 1 ? `&page=${page}` : ''}`;
}

function pager(
  query: string,
  page: number,
  pages: number,
  url: string,
  tr: Translator,
): SearchPageModel['pager'] {
  if (pages <= 1) return undefined;
  const link = (to: number, label: string) => ({ url: pageLink(query, to, url), label });
  return {
    label: tr.t('search.pageOf', { page, pages }),
    previous: page > 1 ? link(page - 1, tr.t('search.previous')) : undefined,
    next: page < pages ? link(page + 1, tr.t('search.next')) : undefined,
  };
}

function summaryOf(query: string, total: number, tr: Translator): string {
  if (total === 0) return tr.t('search.none', { query });
  return tr.t('search.summary', { count: total, query });
}

/** The search page before any query: what the server shows for `/search/`, and what the export writes. */
export function searchPage(
  site: Site,
  language: PageLanguage,
  context: PageContext,
  mode: SearchPageModel['mode'],
  assets: SearchAssets,
): Page {
  const { text, tr } = language;
  const url = searchUrlOf(text.home);
  const main: SearchPageModel = {
    template: 'search',
    mode,
    query: '',
    notice: undefined,
    summary: undefined,
    results: [],
    nothingFound: false,
    pager: undefined,
    catalogUrl: text.home,
    indexUrl: assets.indexUrl,
    libraryUrl: assets.libraryUrl,
  };
  return {
    url,
    status: 200,
    layout: {
      ...layout(site, language, context, {
        title: tr.t('search.pageTitle', { site: text.title }),
        description: tr.t('search.description', { site: text.title }),
        versionsOf: url,
        search: true,
        noindex: true,
        robots: 'noindex, follow',
      }),
      scriptUrls: [...context.scriptUrls, assets.scriptUrl],
    },
    main,
  };
}

/**
 * The pages in the search page's language first, each group in its order: one index serves
 * every language, and a learner on /fr/search/ reads French results before the others.
 */
export function ownLanguageFirst(hits: readonly SearchHit[], home: string): SearchHit[] {
  const own: SearchHit[] = [];
  const others: SearchHit[] = [];
  for (const hit of hits) (homeOf(hit.url) === home ? own : others).push(hit);
  return [...own, ...others];
}

/**
 * The search page answering a query, from the hits of searchPages: RESULTS_PER_PAGE of them,
 * the page asked for or, past the end, the last one.
 */
export function searchResultsPage(
  base: Page,
  query: SearchQuery,
  hits: readonly SearchHit[],
  requested: number,
  documentOf: (url: string) => SearchDocument | undefined,
  translatorOf: (lang: string) => Translator,
): Page {
  const tr = translatorOf(base.layout.lang);
  const notice = noticeOf(query, tr);
  if (query.text === '') return { ...base, main: { ...base.main, notice } as SearchPageModel };
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PER_PAGE));
  const page = Math.min(requested, pages);
  const ordered = ownLanguageFirst(hits, homeOf(base.url));
  const shown = ordered.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const main: SearchPageModel = {
    ...(base.main as SearchPageModel),
    query: query.text,
    notice,
    summary: summaryOf(query.text, hits.length, tr),
    results: shown.flatMap((hit) => {
      const document = documentOf(hit.url);
      return document ? [resultOf(hit, document, tr)] : [];
    }),
    nothingFound: hits.length === 0,
    pager: pager(query.text, page, pages, base.url, tr),
  };
  const said = page > 1 ? tr.t('search.pageOf', { page, pages }) : '';
  const title = `${query.text}${said ? ` (${said})` : ''} - ${base.layout.title}`;
  // The switcher asks the other language's search page the same question.
  const languages = base.layout.languages.map((language) => ({
    ...language,
    url: pageLink(query.text, 1, language.url),
  }));
  return { ...base, layout: { ...base.layout, title, languages }, main };
}
