import type { Chapter, Course, Site } from '../content/model.js';
import type { Difficulty } from '../content/schema.js';
import { isoDuration } from './format.js';
import type { LinkModel } from './view-model.js';

/** One schema.org JSON-LD document. */
export type JsonLd = Readonly<Record<string, unknown>>;

export const SCHEMA_ORG = 'https://schema.org';

// schema.org leaves educationalLevel free text; these are the words course platforms use.
const EDUCATIONAL_LEVELS: Record<Difficulty, string> = {
  easy: 'Beginner',
  medium: 'Intermediate',
  hard: 'Advanced',
};

function organization(site: Site): JsonLd {
  return { '@type': 'Organization', name: site.organization.name, url: site.organization.url };
}

/**
 * Only a free course says anything about its price: Lectern knows no price, and
 * `isAccessibleForFree: false` would claim a paywall that may not exist.
 */
function freeOffer(course: Course): JsonLd {
  return course.free
    ? { isAccessibleForFree: true, offers: { '@type': 'Offer', category: 'Free' } }
    : {};
}

/** The parts in the page's order, each with the time the page shows for it. */
function syllabus(course: Course): JsonLd {
  if (course.parts.length === 0) return {};
  const sections = course.parts.map((part) => ({
    '@type': 'Syllabus',
    name: part.title,
    ...(part.description === undefined ? {} : { description: part.description }),
    ...(part.durationMinutes === undefined
      ? {}
      : { timeRequired: isoDuration(part.durationMinutes) }),
  }));
  return { syllabusSections: sections };
}

/** The course page's facts, as search engines read them; the call to action is not the course's. */
export function courseData(site: Site, course: Course, siteUrl: string): JsonLd {
  const workload = isoDuration(course.durationMinutes);
  return {
    '@context': SCHEMA_ORG,
    '@type': 'Course',
    name: course.title,
    description: course.description,
    url: siteUrl + course.url,
    inLanguage: course.language,
    provider: organization(site),
    educationalLevel: EDUCATIONAL_LEVELS[course.difficulty],
    timeRequired: workload,
    ...freeOffer(course),
    hasCourseInstance: {
      '@type': 'CourseInstance',
      courseMode: 'Online',
      courseWorkload: workload,
    },
    dateModified: course.updated.iso,
    ...(course.objectives.length > 0 ? { teaches: course.objectives } : {}),
    ...(course.image ? { image: siteUrl + course.image.url } : {}),
    ...syllabus(course),
    hasPart: course.chapters.map((chapter) => ({
      '@type': 'LearningResource',
      name: chapter.title,
      url: siteUrl + chapter.url,
    })),
  };
}

/**
 * A chapter page. Its position and date are the ones the page shows: "Chapter N of M" counts
 * chapters in order, and "Last updated" is the course's date (the latest of its chapters').
 */
export function chapterData(
  course: Course,
  chapter: Chapter,
  position: number,
  siteUrl: string,
): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'LearningResource',
    name: chapter.title,
    description: chapter.description ?? course.description,
    url: siteUrl + chapter.url,
    inLanguage: course.language,
    isPartOf: { '@type': 'Course', name: course.title, url: siteUrl + course.url },
    position,
    dateModified: course.updated.iso,
  };
}

/** The trail from the catalog to the page itself, the page included. */
export function breadcrumbData(trail: readonly LinkModel[], siteUrl: string): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((link, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: link.label,
      item: siteUrl + link.url,
    })),
  };
}

/** The catalog: every course, in the order the page lists them. */
export function catalogData(courses: readonly Course[], siteUrl: string): JsonLd {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'ItemList',
    itemListElement: courses.map((course, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      url: siteUrl + course.url,
      name: course.title,
    })),
  };
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;
const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. A title holding `</script>` or `<!--`
 * must not end the element or change how the HTML parser reads it; the \u escapes mean the same
 * JSON and contain no character the parser reacts to.
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (c) => SCRIPT_ESCAPES[c] ?? c);
}
