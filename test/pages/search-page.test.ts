import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_CHARACTERS,
  pageLink,
  readPageNumber,
  readQuery,
  RESULTS_PER_PAGE,
  searchResultsPage,
} from '../../src/pages/search-page.js';
import type { Page, SearchPageModel } from '../../src/pages/view-model.js';
import type { SearchDocument } from '../../src/search/search-documents.js';
import type { SearchHit } from '../../src/search/search-index.js';
import { translators } from '../../src/i18n/translator.js';
import { projectLocales } from '../support/locales.js';

const translatorOf = translators(projectLocales());

const base = {
  url: '/search/',
  status: 200,
  layout: { title: 'Search - Academy', lang: 'en', languages: [] },
  main: {
    template: 'search',
    mode: 'server',
    query: '',
    summary: undefined,
    results: [],
    nothingFound: false,
  },
} as unknown as Page;

const chapter = (n: number): SearchDocument => ({
  url: `/courses/c/chapter-${n}/`,
  kind: 'chapter',
  language: 'en',
  title: `Chapter ${n}`,
  course: 'A course',
  sections: [{ id: 'care', heading: 'Care', text: 'We care about it.' }],
});

const documentOf = (url: string) => chapter(Number(/chapter-(\d+)/.exec(url)?.[1]));

function hits(count: number): SearchHit[] {
  return Array.from({ length: count }, (_, i) => ({
    url: chapter(i + 1).url,
    score: count - i,
    terms: ['care'],
    inTitle: false,
  }));
}

const main = (page: Page) => page.main as SearchPageModel;

describe('the query of the search page', () => {
  it('is the first value, its spaces tidied and its control characters gone', () => {
    expect(readQuery(['  we \t care\u0000 ', 'second'])).toEqual({
      text: 'we care',
      cut: undefined,
    });
    expect(readQuery(undefined)).toEqual({ text: '', cut: undefined });
    expect(readQuery({ nested: 'x' })).toEqual({ text: '', cut: undefined });
  });

  it('is cut to 8 words, and the page says so', () => {
    const query = readQuery('a b c d e f g h i j');
    expect(query).toEqual({ text: 'a b c d e f g h', cut: 'words' });
    const page = main(searchResultsPage(base, query, [], 1, documentOf, translatorOf));
    expect(page.notice).toBe('Your search was cut to its first 8 words.');
  });

  it('is cut to 100 characters, and the page says so', () => {
    const query = readQuery('é'.repeat(150));
    expect(query).toEqual({ text: 'é'.repeat(MAX_QUERY_CHARACTERS), cut: 'characters' });
    const page = main(searchResultsPage(base, query, [], 1, documentOf, translatorOf));
    expect(page.notice).toBe('Your search was cut to its first 100 characters.');
  });
});

describe('the page number of the search page', () => {
  it.each([
    [undefined, 1],
    ['', 1],
    ['3', 3],
    ['0', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['two', undefined],
    ['99999999999999', undefined],
  ])('reads %j as %j', (raw, expected) => {
    expect(readPageNumber(raw)).toBe(expected);
  });
});

describe('the search page answering a query', () => {
  it('shows 20 results a page, with links to the pages around it', () => {
    const page = main(
      searchResultsPage(
        base,
        { text: 'care', cut: undefined },
        hits(45),
        2,
        documentOf,
        translatorOf,
      ),
    );
    expect(page.results).toHaveLength(RESULTS_PER_PAGE);
    expect(page.results[0]?.title).toBe('Chapter 21');
    expect(page.summary).toBe('45 results for “care”');
    expect(page.pager).toEqual({
      label: 'Page 2 of 3',
      previous: { url: '/search/?q=care', label: 'Previous results' },
      next: { url: '/search/?q=care&page=3', label: 'Next results' },
    });
  });

  it('shows the last page for a page number past the end', () => {
    const page = main(
      searchResultsPage(
        base,
        { text: 'care', cut: undefined },
        hits(45),
        99,
        documentOf,
        translatorOf,
      ),
    );
    expect(page.results.map((r) => r.title)).toEqual([
      'Chapter 41',
      'Chapter 42',
      'Chapter 43',
      'Chapter 44',
      'Chapter 45',
    ]);
    expect(page.pager?.label).toBe('Page 3 of 3');
  });

  it('links each result to its best heading, with its course', () => {
    const [result] = main(
      searchResultsPage(
        base,
        { text: 'care', cut: undefined },
        hits(1),
        1,
        documentOf,
        translatorOf,
      ),
    ).results;
    expect(result).toMatchObject({
      url: '/courses/c/chapter-1/#care',
      heading: 'Care',
      context: 'A course',
    });
  });

  it('names the part of a chapter in a course with parts', () => {
    const inPart = (url: string) => ({ ...documentOf(url), part: 'Basics' });
    const [result] = main(
      searchResultsPage(base, { text: 'care', cut: undefined }, hits(1), 1, inPart, translatorOf),
    ).results;
    expect(result?.context).toBe('A course › Basics');
  });

  it('says when nothing was found', () => {
    const page = main(
      searchResultsPage(base, { text: 'zzz', cut: undefined }, [], 1, documentOf, translatorOf),
    );
    expect(page).toMatchObject({
      summary: 'No results for “zzz”.',
      nothingFound: true,
      pager: undefined,
    });
  });

  it('is the form alone for an empty query', () => {
    const page = main(
      searchResultsPage(base, { text: '', cut: undefined }, [], 1, documentOf, translatorOf),
    );
    expect(page).toMatchObject({ summary: undefined, nothingFound: false, results: [] });
  });

  it('links pages with the query encoded', () => {
    expect(pageLink('a&b c', 2, '/search/')).toBe('/search/?q=a%26b+c&page=2');
  });
});
