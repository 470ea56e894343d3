import { latestDate } from './calendar-date.js';
import type { Staged } from './content-problem.js';
import { deepFreeze } from './deep-freeze.js';
import type { ContentStructure, IndexedCourse } from './index-content.js';
import type { Locale } from '../i18n/messages.js';
import type { Chapter, Course, Part, Site, SiteText } from './model.js';
import { parsePartFolderName } from './file-names.js';
import type { ParsedChapter } from './parse-source.js';
import { checkFragments, type HeadingIds, type RenderedDocument } from './render-document.js';
import type { ParsedSite } from './parse-source.js';
import { chapterUrl, courseUrl, languageHome } from './urls.js';

export type Documents = ReadonlyMap<string, RenderedDocument>;

/**
 * Gives back the Course made last time from the very same inputs (compared by identity: the
 * memoised parse and render stages return the same objects for unchanged files), or makes it.
 * Reusing it lets later stages skip the pages of every course an edit did not touch.
 */
export type CourseMemo = (slug: string, inputs: readonly unknown[], make: () => Course) => Course;

const noMemo: CourseMemo = (_slug, _inputs, make) => make();

function documentOf(documents: Documents, relative: string): RenderedDocument {
  const document = documents.get(relative);
  if (!document) throw new Error(`${relative} was not rendered: the render stage missed a body`);
  return document;
}

function assembleChapter(
  course: IndexedCourse,
  chapter: ParsedChapter,
  documents: Documents,
  part: number | undefined,
): Chapter {
  const document = documentOf(documents, chapter.relative);
  return {
    number: chapter.number,
    slug: chapter.slug,
    file: chapter.relative,
    url: chapterUrl(course.slug, chapter.slug, course.home),
    title: chapter.data.title,
    description: chapter.data.description,
    updated: chapter.data.updated ?? course.parsed.data.updated,
    html: document.html,
    headings: document.headings,
    durationMinutes: chapter.data.duration,
    translationKey: chapter.data.translationKey,
    part,
    quizzes: document.quizzes,
    scripts: document.scripts,
    sections: document.sections,
  };
}

/** A total only when every chapter gives its own: a partial sum would understate the part. */
function totalMinutes(chapters: readonly Chapter[]): number | undefined {
  let total = 0;
  for (const chapter of chapters) {
    if (chapter.durationMinutes === undefined) return undefined;
    total += chapter.durationMinutes;
  }
  return total;
}

function assembleParts(course: IndexedCourse, documents: Documents): Part[] {
  return course.parts.map((part, index) => {
    const chapters = part.chapters.map((chapter) =>
      assembleChapter(course, chapter, documents, index + 1),
    );
    return {
      position: index + 1,
      slug: parsePartFolderName(part.parsed.folder)?.slug ?? part.parsed.folder,
      file: part.parsed.relative,
      title: part.parsed.data.title,
      description: part.parsed.data.description,
      introHtml: documentOf(documents, part.parsed.relative).html,
      introSections: documentOf(documents, part.parsed.relative).sections,
      durationMinutes: totalMinutes(chapters),
      chapters,
    };
  });
}

function assembleCourse(course: IndexedCourse, documents: Documents): Course {
  const { parsed } = course;
  const parts = assembleParts(course, documents);
  const chapters =
    parts.length > 0
      ? parts.flatMap((part) => part.chapters)
      : course.chapters.map((chapter) => assembleChapter(course, chapter, documents, undefined));
  return {
    slug: course.slug,
    file: parsed.relative,
    url: courseUrl(course.slug, course.home),
    title: parsed.data.title,
    description: parsed.data.description,
    durationMinutes: parsed.data.duration,
    difficulty: parsed.data.difficulty,
    free: parsed.data.free,
    updated:
      latestDate([parsed.data.updated, ...chapters.map((c) => c.updated)]) ?? parsed.data.updated,
    language: course.language,
    home: course.home,
    translationKey: parsed.data.translationKey,
    cta: course.cta,
    introHtml: documentOf(documents, parsed.relative).html,
    objectives: parsed.data.objectives,
    image: course.image,
    passingScore: parsed.data.passingScore,
    parts,
    // The course page shows the parts' Markdown too: it loads what any of them needs.
    introScripts: [
      ...new Set(
        [parsed, ...course.parts.map((part) => part.parsed)].flatMap(
          (source) => documentOf(documents, source.relative).scripts,
        ),
      ),
    ],
    introSections: documentOf(documents, parsed.relative).sections,
    chapters,
  };
}

/** The site's first language, then each other one a course is in, with site.yaml's text for it. */
function siteTexts(site: ParsedSite, courses: readonly Course[]): SiteText[] {
  const own = site.data.language;
  const languages = [own, ...new Set(courses.map((c) => c.language).filter((l) => l !== own))];
  return languages.map((language) => {
    // fr-CA's pages read fr's text when site.yaml gives none of their own, as its locale does.
    const text =
      language === own
        ? undefined
        : (site.data.languages[language] ?? site.data.languages[language.split('-')[0]!]);
    return {
      language,
      home: languageHome(language, own),
      title: text?.title ?? site.data.title,
      description: text?.description ?? site.data.description,
    };
  });
}

/**
 * The assemble stage: the structure and every rendered body -> the frozen Site, with the problems
 * only all the bodies together can show (a link to a heading that another page lacks). Undefined
 * when there is no valid site.yaml to build a site around.
 */
export function assembleSite(
  structure: ContentStructure,
  documents: Documents,
  memo: CourseMemo = noMemo,
  headingIds?: HeadingIds,
  locales: readonly Locale[] = [],
): Staged<Site | undefined> {
  const problems = checkFragments([...documents.values()], headingIds);
  const { site } = structure;
  if (!site) return { value: undefined, problems };
  const courses = structure.courses
    .map((course) => {
      const files = [course.parsed, ...course.parts.map((part) => part.parsed), ...course.chapters];
      const inputs = [
        ...files,
        ...files.map((file) => documents.get(file.relative)),
        JSON.stringify([course.cta ?? null, course.image ?? null, course.home]),
        course.language,
      ];
      return memo(course.slug, inputs, () => assembleCourse(course, documents));
    })
    // The site's own language first, then each other one: a catalog lists its courses by title.
    .sort(
      (a, b) =>
        Number(a.language !== site.data.language) - Number(b.language !== site.data.language) ||
        a.language.localeCompare(b.language) ||
        a.title.localeCompare(b.title, a.language),
    );
  const value: Site = deepFreeze({
    title: site.data.title,
    description: site.data.description,
    url: site.data.url,
    language: site.data.language,
    languages: siteTexts(site, courses),
    locales,
    organization: site.data.organization,
    themeColor: site.data.themeColor,
    courses,
    assets: [...structure.index.assets.values()],
  });
  return { value, problems };
}
