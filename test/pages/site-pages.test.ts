import { describe, expect, it } from 'vitest';
import type { Chapter, Course, Site } from '../../src/content/model.js';
import type { PageContext } from '../../src/pages/page-context.js';
import { pageLanguages } from '../../src/build/pages-stage.js';
import { projectLocales } from '../support/locales.js';
import { catalogPage, coursePages, siteLevelKey } from '../../src/pages/site-pages.js';
import type {
  CatalogPageModel,
  ChapterPageModel,
  CoursePageModel,
} from '../../src/pages/view-model.js';

const date = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { iso, year, month, day };
};

function chapter(number: number, slug: string, title: string): Chapter {
  return {
    number,
    slug,
    file: `courses/values/0${number}-${slug}.md`,
    url: `/courses/values/${slug}/`,
    title,
    description: undefined,
    updated: date('2024-03-21'),
    html: `<p>${title}</p>`,
    headings: [
      { level: 2, id: 'why', text: 'Why' },
      { level: 4, id: 'deep', text: 'Too deep for the contents' },
    ],
    durationMinutes: undefined,
    translationKey: undefined,
    part: undefined,
    quizzes: [],
    scripts: [],
    sections: [{ id: undefined, heading: undefined, text: title }],
  };
}

const course: Course = {
  slug: 'values',
  file: 'courses/values/course.md',
  url: '/courses/values/',
  title: 'Our values',
  description: 'What we stand for, in four principles.',
  durationMinutes: 240,
  difficulty: 'medium',
  free: true,
  updated: date('2024-03-21'),
  language: 'en',
  home: '/',
  translationKey: undefined,
  cta: undefined,
  introHtml: '<p>Welcome.</p>',
  objectives: [],
  passingScore: 70,
  image: undefined,
  parts: [],
  introScripts: [],
  introSections: [{ id: undefined, heading: undefined, text: 'Welcome.' }],
  chapters: [chapter(1, 'care', 'We care'), chapter(5, 'dare', 'We dare')],
};

const site: Site = {
  title: 'Academy',
  description: 'Short, clear courses.',
  url: undefined,
  language: 'en',
  languages: [
    { language: 'en', home: '/', title: 'Academy', description: 'Short, clear courses.' },
  ],
  locales: projectLocales(),
  organization: { name: 'Org', url: 'https://org.example' },
  themeColor: '#5b3cc4',
  courses: [course],
  assets: [],
};

const context: PageContext = {
  siteUrl: 'https://courses.example.com',
  stylesheetUrl: '/assets/css/site.1.css',
  iconUrl: '/assets/favicon.1.svg',
  scriptUrls: ['/assets/js/site.1.js'],
  contentScriptUrls: { quiz: '/assets/js/quiz.1.js', 'code-copy': '/assets/js/code-copy.1.js' },
  socialImage: { url: 'https://courses.example.com/s.png', width: 1200, height: 630 },
  notices: [],
};

describe('coursePages', () => {
  const [coursePage, first, second] = coursePages(
    site,
    course,
    pageLanguages(site).of('en'),
    context,
  );

  it('makes the course page, then one page per chapter', () => {
    expect([coursePage, first, second].map((page) => page?.url)).toEqual([
      '/courses/values/',
      '/courses/values/care/',
      '/courses/values/dare/',
    ]);
  });

  it('writes the facts as a learner reads them', () => {
    expect((coursePage!.main as CoursePageModel).facts).toEqual({
      duration: '4 hours',
      difficulty: 'Medium',
      difficultyLevel: 2,
      free: true,
      updatedIso: '2024-03-21',
      updatedLabel: '3/21/24',
    });
  });

  it('numbers chapters by position, links neighbours, and lists levels 2 and 3 only', () => {
    const page = second!.main as ChapterPageModel;
    expect(page.kicker).toBe('Chapter 2 of 2');
    expect(page.previous).toEqual({
      url: '/courses/values/care/',
      label: 'We care',
      kicker: 'Previous chapter',
    });
    expect(page.next).toBeUndefined();
    expect(page.contents.map((heading) => heading.id)).toEqual(['why']);
    expect(second!.layout.title).toBe('We dare - Our values - Academy');
    expect(second!.layout.canonicalUrl).toBe('https://courses.example.com/courses/values/dare/');
  });
});

function inPart(base: Chapter, part: number, durationMinutes?: number): Chapter {
  return { ...base, part, durationMinutes };
}

const partedChapters = [
  inPart(chapter(1, 'care', 'We care'), 1, 20),
  inPart(chapter(2, 'dare', 'We dare'), 1),
  inPart(chapter(1, 'persist', 'We persist'), 2, 90),
];

const parted: Course = {
  ...course,
  parts: [
    {
      position: 1,
      slug: 'basics',
      file: 'courses/values/01-basics/part.md',
      title: 'The basics',
      description: 'Where to start.',
      introHtml: '',
      introSections: [],
      durationMinutes: undefined,
      chapters: partedChapters.slice(0, 2),
    },
    {
      position: 2,
      slug: 'further',
      file: 'courses/values/02-further/part.md',
      title: 'Going further',
      description: undefined,
      introHtml: '<p>More.</p>',
      introSections: [{ id: undefined, heading: undefined, text: 'More.' }],
      durationMinutes: 90,
      chapters: partedChapters.slice(2),
    },
  ],
  chapters: partedChapters,
};

describe('coursePages of a course in parts', () => {
  const [coursePage, care, dare, persist] = coursePages(
    site,
    parted,
    pageLanguages(site).of('en'),
    context,
  );

  it('shows each part with its label, its chapters, their durations and its progress', () => {
    const page = coursePage!.main as CoursePageModel;
    expect(page.contentsSummary).toBe('2 parts · 3 chapters · 4 hours');
    expect(page.chapters).toEqual([]);
    expect(
      page.parts.map((part) => [
        part.id,
        part.label,
        part.title,
        part.summary,
        part.chapters.map((c) => [c.number, c.label, c.duration]),
        part.progress.chapterUrls,
      ]),
    ).toEqual([
      [
        'part-1',
        'Part 1',
        'The basics',
        '2 chapters',
        [
          [1, 'We care', '20 minutes'],
          [2, 'We dare', undefined],
        ],
        '/courses/values/care/ /courses/values/dare/',
      ],
      [
        'part-2',
        'Part 2',
        'Going further',
        '1 chapter · 1 hour 30 minutes',
        [[1, 'We persist', '1 hour 30 minutes']],
        '/courses/values/persist/',
      ],
    ]);
  });

  it('labels a chapter by its part and its place in that part', () => {
    expect([care, dare, persist].map((page) => (page!.main as ChapterPageModel).kicker)).toEqual([
      'Part 1 · Chapter 1',
      'Part 1 · Chapter 2',
      'Part 2 · Chapter 1',
    ]);
  });

  it('says so when previous or next leads into another part', () => {
    const at = (page: typeof care) => page!.main as ChapterPageModel;
    expect(at(care).next?.kicker).toBe('Next chapter');
    expect(at(dare).next).toEqual({
      url: '/courses/values/persist/',
      label: 'We persist',
      kicker: 'Next: Part 2 · Going further',
    });
    expect(at(persist).previous?.kicker).toBe('Previous: Part 1 · The basics');
  });

  it('groups the side outline by part, with the current part open', () => {
    const outline = (persist!.main as ChapterPageModel).outline;
    expect(outline.map((group) => [group.label, group.open, group.chapters.length])).toEqual([
      ['Part 1 · The basics', false, 2],
      ['Part 2 · Going further', true, 1],
    ]);
    expect(outline[1]!.chapters[0]!.current).toBe(true);
  });
});

describe('catalogPage', () => {
  it('lists every course with its facts and its chapter count', () => {
    const page = catalogPage(site, pageLanguages(site).of('en'), context).main as CatalogPageModel;
    expect(
      page.courses.map((card) => [card.title, card.contentsSummary, card.facts.duration]),
    ).toEqual([['Our values', '2 chapters', '4 hours']]);
  });

  it('counts the parts and the chapters of a course in parts', () => {
    const partedSite = { ...site, courses: [parted] };
    const page = catalogPage(partedSite, pageLanguages(partedSite).of('en'), context)
      .main as CatalogPageModel;
    expect(page.courses[0]!.contentsSummary).toBe('2 parts · 3 chapters');
  });
});

describe('siteLevelKey', () => {
  it('changes with what every page shows, not with a course', () => {
    const key = siteLevelKey(site, context);
    expect(siteLevelKey({ ...site, courses: [{ ...course, title: 'Renamed' }] }, context)).toBe(
      key,
    );
    expect(siteLevelKey({ ...site, title: 'Another academy' }, context)).not.toBe(key);
    expect(siteLevelKey(site, { ...context, stylesheetUrl: '/assets/css/site.2.css' })).not.toBe(
      key,
    );
  });
});
