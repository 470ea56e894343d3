import { describe, expect, it } from 'vitest';
import type { Chapter, Course, Site } from '../../src/content/model.js';
import type { PageContext } from '../../src/pages/page-context.js';
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
  cta: undefined,
  introHtml: '<p>Welcome.</p>',
  introSections: [{ id: undefined, heading: undefined, text: 'Welcome.' }],
  chapters: [chapter(1, 'care', 'We care'), chapter(5, 'dare', 'We dare')],
};

const site: Site = {
  title: 'Academy',
  description: 'Short, clear courses.',
  url: undefined,
  language: 'en',
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
  socialImage: { url: 'https://courses.example.com/s.png', width: 1200, height: 630, alt: 'A' },
  notices: [],
};

describe('coursePages', () => {
  const [coursePage, first, second] = coursePages(site, course, context);

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
    expect(page.number).toBe(2);
    expect(page.previous).toEqual({ url: '/courses/values/care/', label: 'We care' });
    expect(page.next).toBeUndefined();
    expect(page.contents.map((heading) => heading.id)).toEqual(['why']);
    expect(second!.layout.title).toBe('We dare - Our values - Academy');
    expect(second!.layout.canonicalUrl).toBe('https://courses.example.com/courses/values/dare/');
  });
});

describe('catalogPage', () => {
  it('lists every course with its facts and its chapter count', () => {
    const page = catalogPage(site, context).main as CatalogPageModel;
    expect(
      page.courses.map((card) => [card.title, card.chapterCount, card.facts.duration]),
    ).toEqual([['Our values', 2, '4 hours']]);
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
