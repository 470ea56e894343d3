import { latestDate } from './calendar-date.js';
import type { Staged } from './content-problem.js';
import { deepFreeze } from './deep-freeze.js';
import type { ContentStructure, IndexedCourse } from './index-content.js';
import type { Chapter, Course, Site } from './model.js';
import { checkFragments, type HeadingIds, type RenderedDocument } from './render-document.js';
import { chapterUrl, courseUrl } from './urls.js';

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

function assembleCourse(course: IndexedCourse, documents: Documents, language: string): Course {
  const { parsed } = course;
  const chapters: Chapter[] = course.chapters.map((chapter) => {
    const document = documentOf(documents, chapter.relative);
    return {
      number: chapter.number,
      slug: chapter.slug,
      file: chapter.relative,
      url: chapterUrl(course.slug, chapter.slug),
      title: chapter.data.title,
      description: chapter.data.description,
      updated: chapter.data.updated ?? parsed.data.updated,
      html: document.html,
      headings: document.headings,
      sections: document.sections,
    };
  });
  return {
    slug: course.slug,
    file: parsed.relative,
    url: courseUrl(course.slug),
    title: parsed.data.title,
    description: parsed.data.description,
    durationMinutes: parsed.data.duration,
    difficulty: parsed.data.difficulty,
    free: parsed.data.free,
    updated:
      latestDate([parsed.data.updated, ...chapters.map((c) => c.updated)]) ?? parsed.data.updated,
    language: parsed.data.language ?? language,
    cta: course.cta,
    introHtml: documentOf(documents, parsed.relative).html,
    introSections: documentOf(documents, parsed.relative).sections,
    chapters,
  };
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
): Staged<Site | undefined> {
  const problems = checkFragments([...documents.values()], headingIds);
  const { site } = structure;
  if (!site) return { value: undefined, problems };
  const language = site.data.language;
  const courses = structure.courses
    .map((course) => {
      const files = [course.parsed, ...course.chapters];
      const inputs = [
        ...files,
        ...files.map((file) => documents.get(file.relative)),
        JSON.stringify(course.cta ?? null),
        language,
      ];
      return memo(course.slug, inputs, () => assembleCourse(course, documents, language));
    })
    .sort((a, b) => a.title.localeCompare(b.title));
  const value: Site = deepFreeze({
    title: site.data.title,
    description: site.data.description,
    url: site.data.url,
    language: site.data.language,
    organization: site.data.organization,
    themeColor: site.data.themeColor,
    courses,
    assets: [...structure.index.assets.values()],
  });
  return { value, problems };
}
