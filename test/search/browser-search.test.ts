import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { translators } from '../../src/i18n/translator.js';
import { readQuery, searchResultsPage, type SearchQuery } from '../../src/pages/search-page.js';
import type { SearchPageModel, SearchResultModel } from '../../src/pages/view-model.js';
import { normalizeTerm } from '../../src/search/search-options.js';
import { searchPages } from '../../src/search/search-index.js';
import { STATIC_INDEX_URL } from '../../src/search/static-index.js';
import { buildFixtureSite, ROOT } from '../support/fixture-site.js';
import { projectLocales } from '../support/locales.js';

/** What public/js/search.js defines, run as a browser runs it but without a document. */
interface BrowserSearch {
  normalizeTerm(term: string): string | null;
  readQuery(raw: string): SearchQuery;
  noticeOf(query: SearchQuery): string | undefined;
  createLoader(fetchJson: (url: string) => Promise<unknown>): (url: string) => Promise<unknown>;
  searchStatic(
    library: typeof MiniSearch,
    load: (url: string) => Promise<unknown>,
    indexUrl: string,
    query: string,
    page: number,
  ): Promise<{ total: number; page: number; pages: number; results: SearchResultModel[] }>;
}

let browser: BrowserSearch;
let built: Awaited<ReturnType<typeof buildFixtureSite>>;
const translatorOf = translators(projectLocales());
let fetched: string[];
let load: (url: string) => Promise<unknown>;

beforeAll(async () => {
  // A page gives search.js its words through site.js's window.lecternText: here the server's
  // English translator, which fills the same messages (the `js.` keys) by the same rules.
  const english = translatorOf('en');
  const lecternText = (key: string, params?: Record<string, string | number>) =>
    english.t(key, params);
  const source = await readFile(path.join(ROOT, 'public/js/search.js'), 'utf8');
  const context = vm.createContext({ window: { lecternText } });
  vm.runInContext(source, context);
  browser = context as BrowserSearch;
  built = await buildFixtureSite();
  load = (url) => {
    fetched.push(url);
    const response = built.rendered.responses.get(url);
    if (!response) return Promise.reject(new Error(`No file at ${url}`));
    return Promise.resolve(JSON.parse(response.identity.body.toString('utf8')) as unknown);
  };
});

function serverAnswer(query: string, page = 1) {
  const { search } = built.rendered;
  const index = search!.index!;
  const hits = searchPages(index.miniSearch, query);
  const documentOf = (url: string) => index.documents.get(url);
  const base = search!.pages.find((p) => p.layout.lang === 'en')!;
  return searchResultsPage(base, readQuery(query), hits, page, documentOf, translatorOf)
    .main as SearchPageModel;
}

// Plain objects: the vm's arrays and objects come from another realm.
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('search in the browser, from the static index', () => {
  it.each(['markdown', 'tables', 'princ', 'principels', 'eleve', 'honesty respect', 'we care'])(
    'answers “%s” as the server does',
    async (query) => {
      fetched = [];
      const answer = await browser.searchStatic(
        MiniSearch,
        browser.createLoader(load),
        STATIC_INDEX_URL,
        query,
        1,
      );
      const server = serverAnswer(query);
      expect(plain(answer.results)).toEqual(plain(server.results));
      expect(server.results.length).toBeGreaterThan(0);
    },
  );

  it('fetches the entry file, the term files of the words and the pages shown, nothing else', async () => {
    fetched = [];
    await browser.searchStatic(
      MiniSearch,
      browser.createLoader(load),
      STATIC_INDEX_URL,
      'tables',
      1,
    );
    expect(fetched[0]).toBe(STATIC_INDEX_URL);
    expect(fetched.filter((url) => url.startsWith('/search/terms/'))).toHaveLength(1);
    expect(fetched.slice(2).every((url) => url.startsWith('/search/pages/'))).toBe(true);
  });

  it('normalizes and cuts queries as the server does', () => {
    for (const term of ['Élève', 'PRINCIPLES', 'naïve', 'Ærø'])
      expect(browser.normalizeTerm(term)).toBe(normalizeTerm(term));
    for (const raw of ['a b c d e f g h i j', 'é'.repeat(150), '  we \t care '])
      expect(plain(browser.readQuery(raw))).toEqual(plain(readQuery(raw)));
  });

  it('says what it cut in the words of the server', () => {
    for (const raw of ['a b c d e f g h i j', 'é'.repeat(150), 'we care']) {
      const notice = browser.noticeOf(browser.readQuery(raw));
      expect(notice).toBe(serverAnswer(raw).notice);
    }
    expect(serverAnswer('a b c d e f g h i j').notice).toBe(
      'Your search was cut to its first 8 words.',
    );
  });
});
