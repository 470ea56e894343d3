import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build-site.js';
import { searchDocuments, type SearchDocument } from '../../src/search/search-documents.js';
import {
  createSearchIndex,
  searchPages,
  updateSearchIndex,
  type SearchIndex,
} from '../../src/search/search-index.js';
import { FIXTURE_CONTENT_DIR } from '../support/fixture-site.js';

let documents: SearchDocument[];
let index: SearchIndex;

const urlsFor = (query: string, within = index) =>
  searchPages(within.miniSearch, query).map((hit) => hit.url);

beforeAll(async () => {
  const { site } = await loadSite({ contentDir: FIXTURE_CONTENT_DIR });
  documents = searchDocuments(site);
  index = createSearchIndex(documents);
});

describe('the search index of the fixture site', () => {
  it('holds every course and chapter, in site order', () => {
    expect(documents.map((d) => d.url)).toEqual([
      '/courses/our-principles/',
      '/courses/our-principles/our-principles/',
      '/courses/our-principles/check-what-you-learned/',
      '/courses/learn-in-parts/',
      '/courses/learn-in-parts/first-steps/',
      '/courses/learn-in-parts/second-steps/',
      '/courses/learn-in-parts/third-steps/',
      '/courses/teach-code/',
      '/courses/teach-code/quizzes-and-code/',
      '/courses/write-a-course/',
      '/courses/write-a-course/course-and-chapters/',
      '/courses/write-a-course/front-matter/',
      '/courses/write-a-course/markdown/',
      '/courses/write-a-course/checking-and-previewing/',
      '/fr/courses/nos-principes/',
      '/fr/courses/nos-principes/nos-principes/',
      '/fr/courses/nos-principes/verifiez-vos-acquis/',
    ]);
  });

  it("finds a part's text on its course page, at the part's section", () => {
    expect(urlsFor('orientation')).toEqual(['/courses/learn-in-parts/']);
    const course = documents.find((d) => d.url === '/courses/learn-in-parts/');
    expect(course?.sections).toContainEqual({
      id: 'part-1',
      heading: 'Part 1 · Getting started',
      text: 'The first steps, in two short chapters. Start here if the subject is new to you. A short orientation comes first.',
    });
  });

  it('names the part of a chapter in a course in parts', () => {
    const third = documents.find((d) => d.url === '/courses/learn-in-parts/third-steps/');
    expect(third?.part).toBe('Part 2 · Going further');
  });

  it('finds a chapter first by a word of its title', () => {
    expect(urlsFor('markdown')[0]).toBe('/courses/write-a-course/markdown/');
    expect(urlsFor('Previewing')[0]).toBe('/courses/write-a-course/checking-and-previewing/');
  });

  it('finds a course first by its title', () => {
    expect(urlsFor('discover openclassrooms')[0]).toBe('/courses/our-principles/');
  });

  it('forgives a prefix, a typo, capitals and missing accents', () => {
    expect(urlsFor('princ')).toContain('/courses/our-principles/our-principles/');
    expect(urlsFor('principels')).toContain('/courses/our-principles/our-principles/');
    expect(urlsFor('PRINCIPLES')).toEqual(urlsFor('principles'));
    expect(urlsFor('eleve')).toEqual(['/courses/write-a-course/front-matter/']);
    expect(urlsFor('élève')).toEqual(urlsFor('eleve'));
  });

  it('wants every word, and takes any of them when no page has all', () => {
    expect(urlsFor('honesty strikethrough').sort()).toEqual([
      '/courses/our-principles/our-principles/',
      '/courses/write-a-course/markdown/',
    ]);
    expect(urlsFor('honesty respect')).toEqual(['/courses/our-principles/our-principles/']);
  });

  it('finds nothing for a word no page has', () => {
    expect(urlsFor('xylophone')).toEqual([]);
  });

  it('is brought up to date with changed, new and removed pages only', () => {
    const kept = createSearchIndex(documents);
    const [first, ...rest] = documents;
    const edited = { ...rest[0]!, title: 'Zanzibar notes' };
    const added: SearchDocument = { ...rest[1]!, url: '/courses/x/new/', title: 'Quokka' };
    const changed = updateSearchIndex(kept, [edited, ...rest.slice(1), added]);
    expect(changed).toBe(3);
    expect(urlsFor('zanzibar', kept)).toEqual([edited.url]);
    expect(urlsFor('quokka', kept)).toEqual(['/courses/x/new/']);
    expect(urlsFor('discover openclassrooms', kept)).not.toContain(first!.url);
  });
});
