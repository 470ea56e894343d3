import { describe, expect, it } from 'vitest';
import {
  breadcrumbData,
  catalogData,
  chapterData,
  courseData,
  serializeJsonLd,
} from '../../src/pages/structured-data.js';
import { CHAPTER_MD, COURSE_MD, validFiles } from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';

const SITE_URL = 'https://courses.example.com';

async function siteWith(courseMd: string, files: Record<string, string> = {}) {
  const { site } = await loadFiles({
    ...validFiles(),
    'courses/a-course/course.md': courseMd,
    ...files,
  });
  const course = site.courses[0];
  if (!course) throw new Error('The fixture has no course');
  return { site, course };
}

describe('serializeJsonLd', () => {
  it('escapes every character that could end the script element or start a comment', () => {
    const value = { name: 'A </script><!-- & --> title\u2028with\u2029separators' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003c!--');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('courseData', () => {
  it('describes the course with its facts, its provider and its chapters', async () => {
    const { site, course } = await siteWith(COURSE_MD);
    expect(courseData(site, course, SITE_URL)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'A course',
      description: 'A course that exists for the tests and nothing else.',
      url: `${SITE_URL}/courses/a-course/`,
      inLanguage: 'en',
      provider: { '@type': 'Organization', name: 'Test Org', url: 'https://org.example' },
      educationalLevel: 'Intermediate',
      timeRequired: 'PT4H',
      isAccessibleForFree: true,
      offers: { '@type': 'Offer', category: 'Free' },
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        courseWorkload: 'PT4H',
      },
      dateModified: '2024-03-21',
      hasPart: [
        {
          '@type': 'LearningResource',
          name: 'First chapter',
          url: `${SITE_URL}/courses/a-course/first/`,
        },
      ],
    });
  });

  it('leaves out the call to action the course page shows', async () => {
    const { site, course } = await siteWith(COURSE_MD);
    expect(course.cta?.title).toBe('Get a diploma');
    const json = serializeJsonLd(courseData(site, course, SITE_URL));
    expect(json).not.toMatch(/diploma|Funded|Find a programme|org\.example\/paths/);
  });

  it.each([
    ['easy', 'Beginner'],
    ['medium', 'Intermediate'],
    ['hard', 'Advanced'],
  ])('gives a %s course the educational level %s', async (difficulty, level) => {
    const { site, course } = await siteWith(
      COURSE_MD.replace('difficulty: medium', `difficulty: ${difficulty}`),
    );
    expect(courseData(site, course, SITE_URL).educationalLevel).toBe(level);
  });

  it('writes a duration of 1h30 as PT1H30M, for the course and its instance', async () => {
    const { site, course } = await siteWith(
      COURSE_MD.replace('duration: 4 hours', 'duration: 1h30'),
    );
    const data = courseData(site, course, SITE_URL);
    expect(data.timeRequired).toBe('PT1H30M');
    expect(data.hasCourseInstance).toMatchObject({ courseWorkload: 'PT1H30M' });
  });

  it('claims nothing about the price of a course that is not marked free', async () => {
    const { site, course } = await siteWith(COURSE_MD.replace('free: true', 'free: false'));
    const data = courseData(site, course, SITE_URL);
    expect(data).not.toHaveProperty('offers');
    expect(data).not.toHaveProperty('isAccessibleForFree');
  });
});

describe('chapterData', () => {
  it('places the chapter in its course with the position and date the page shows', async () => {
    const { course } = await siteWith(COURSE_MD);
    const chapter = course.chapters[0];
    if (!chapter) throw new Error('The fixture has no chapter');
    expect(chapterData(course, chapter, 1, SITE_URL)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'LearningResource',
      name: 'First chapter',
      description: 'The first chapter of the test course, with a heading.',
      url: `${SITE_URL}/courses/a-course/first/`,
      inLanguage: 'en',
      isPartOf: { '@type': 'Course', name: 'A course', url: `${SITE_URL}/courses/a-course/` },
      position: 1,
      dateModified: '2024-03-21',
    });
  });

  it('falls back to the course description, as the meta description does', async () => {
    const { course } = await siteWith(COURSE_MD, {
      'courses/a-course/01-first.md': CHAPTER_MD.replace(/^description: .*\n/m, ''),
    });
    const chapter = course.chapters[0];
    if (!chapter) throw new Error('The fixture has no chapter');
    expect(chapterData(course, chapter, 1, SITE_URL).description).toBe(course.description);
  });

  it('writes the course language into the chapter', async () => {
    const { course } = await siteWith(COURSE_MD.replace('free: true', 'free: true\nlanguage: fr'));
    const chapter = course.chapters[0];
    if (!chapter) throw new Error('The fixture has no chapter');
    expect(chapterData(course, chapter, 1, SITE_URL).inLanguage).toBe('fr');
  });
});

describe('breadcrumbData and catalogData', () => {
  it('numbers the breadcrumb trail from 1 with absolute URLs', () => {
    const trail = [
      { url: '/', label: 'Courses' },
      { url: '/courses/a/', label: 'A' },
    ];
    expect(breadcrumbData(trail, SITE_URL).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Courses', item: `${SITE_URL}/` },
      { '@type': 'ListItem', position: 2, name: 'A', item: `${SITE_URL}/courses/a/` },
    ]);
  });

  it('lists the courses of the catalog in order', async () => {
    const { site } = await siteWith(COURSE_MD);
    expect(catalogData(site.courses, SITE_URL)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        {
          '@type': 'ListItem',
          position: 1,
          url: `${SITE_URL}/courses/a-course/`,
          name: 'A course',
        },
      ],
    });
  });
});
