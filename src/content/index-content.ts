import path from 'node:path';
import { indexAssets, type ContentIndex } from './content-index.js';
import { errorAt, type ContentProblem, type Staged } from './content-problem.js';
import { SLUG } from './file-names.js';
import type { ContentAsset, Cta } from './model.js';
import type { ParsedChapter, ParsedCourse, ParsedSite, ParsedSource } from './parse-source.js';
import type { ContentFiles } from './read-content.js';
import { suggest } from './suggest.js';
import { chapterUrl, courseUrl } from './urls.js';

export interface IndexedCourse {
  readonly slug: string;
  readonly parsed: ParsedCourse;
  /** In course order: by the NN- number of their file names. */
  readonly chapters: readonly ParsedChapter[];
  readonly cta: Cta | undefined;
}

/** The shape of the site, known before any Markdown is rendered. */
export interface ContentStructure {
  readonly site: ParsedSite | undefined;
  readonly courses: readonly IndexedCourse[];
  /** What relative links and image paths can resolve to. */
  readonly index: ContentIndex;
}

function slugHint(folder: string): string {
  const fixed = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `Course folder names are lowercase words joined by hyphens (they become the URL), e.g. "${fixed}"`;
}

function checkChapterSet(
  courseFile: string,
  chapters: readonly ParsedChapter[],
  troubled: boolean,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // A course whose only chapter is broken has a chapter: its own problem says what is wrong.
  if (chapters.length === 0 && !troubled) {
    const message =
      'The course has no chapter: add a file such as 01-introduction.md beside course.md';
    problems.push(errorAt(courseFile, 'chapters', message));
  }
  const byNumber = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const chapter of chapters) {
    const name = chapter.relative;
    const sameNumber = byNumber.get(chapter.number);
    const sameSlug = bySlug.get(chapter.slug);
    if (sameNumber) {
      const number = String(chapter.number).padStart(2, '0');
      const message = `Chapter number ${number} is also used by ${sameNumber}: each chapter needs its own number`;
      problems.push(errorAt(name, 'file', message));
    }
    if (sameSlug) {
      const message = `Chapter slug "${chapter.slug}" is also used by ${sameSlug}: two chapters cannot share a URL`;
      problems.push(errorAt(name, 'file', message));
    }
    byNumber.set(chapter.number, name);
    bySlug.set(chapter.slug, name);
  }
  return problems;
}

function buildCta(
  name: string,
  site: ParsedSite,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: ContentProblem[],
): Cta {
  const cta = site.data.ctas[name]!;
  let image: Cta['image'];
  if (cta.image) {
    const asset = assets.get(path.posix.normalize(cta.image.src));
    if (asset)
      image = { url: asset.url, alt: cta.image.alt, width: asset.width, height: asset.height };
    else {
      const message = `Image not found: "${cta.image.src}" (paths are relative to the content folder)`;
      const at = site.locate(['ctas', name, 'image', 'src']);
      problems.push(errorAt(site.relative, `ctas.${name}.image.src`, message, at));
    }
  }
  return { name, title: cta.title, points: cta.points, link: cta.link, image };
}

function siteCtas(
  site: ParsedSite | undefined,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: ContentProblem[],
): Map<string, Cta> {
  const ctas = new Map<string, Cta>();
  if (!site) return ctas;
  for (const name of Object.keys(site.data.ctas))
    ctas.set(name, buildCta(name, site, assets, problems));
  const fallback = site.data.defaultCta;
  if (fallback && !ctas.has(fallback)) {
    const message = `No call to action named "${fallback}" under ctas`;
    problems.push(errorAt(site.relative, 'defaultCta', message, site.locate(['defaultCta'])));
  }
  return ctas;
}

function chooseCta(
  course: ParsedCourse,
  site: ParsedSite | undefined,
  ctas: ReadonlyMap<string, Cta>,
  problems: ContentProblem[],
): Cta | undefined {
  if (!site) return undefined;
  const own = course.data.cta;
  const name = own === undefined ? site.data.defaultCta : own;
  if (name === false || name === undefined) return undefined;
  const cta = ctas.get(name);
  if (cta) return cta;
  const known = [...ctas.keys()];
  const hint = suggest(name, known);
  const advice = hint
    ? `; did you mean "${hint}"?`
    : known.length
      ? `; expected one of: ${known.join(', ')}`
      : '';
  const message = `No call to action named "${name}" in site.yaml${advice}`;
  problems.push(
    own === undefined
      ? errorAt('site.yaml', 'defaultCta', message)
      : errorAt(course.relative, 'cta', message, course.locate(['cta'])),
  );
  return undefined;
}

function groupByCourse(parsed: readonly ParsedSource[]) {
  const courses = new Map<string, ParsedCourse>();
  const chapters = new Map<string, ParsedChapter[]>();
  let site: ParsedSite | undefined;
  for (const source of parsed) {
    if (source.kind === 'site') site = source;
    else if (source.kind === 'course') courses.set(source.course, source);
    else chapters.set(source.course, [...(chapters.get(source.course) ?? []), source]);
  }
  return { site, courses, chapters };
}

function pageIndex(
  courses: readonly IndexedCourse[],
  assets: ReadonlyMap<string, ContentAsset>,
): ContentIndex {
  const pages = new Map<string, string>();
  for (const course of courses) {
    pages.set(course.parsed.relative, courseUrl(course.slug));
    for (const chapter of course.chapters)
      pages.set(chapter.relative, chapterUrl(course.slug, chapter.slug));
  }
  const filesByUrl = new Map([...pages].map(([file, url]) => [url, file]));
  return { pages, filesByUrl, assets };
}

/**
 * The index stage: every parsed file -> the site's structure (its courses and their chapters in
 * order, the URL of every page, the assets) and the problems only the whole can show (a missing
 * course.md, two chapters with one number, a call to action that does not exist).
 */
export function indexContent(
  files: ContentFiles,
  parsed: readonly ParsedSource[],
  /** Files the earlier stages found problems in (a course folder with one is not empty). */
  troubled: ReadonlySet<string>,
): Staged<ContentStructure> {
  const problems: ContentProblem[] = [];
  const grouped = groupByCourse(parsed);
  if (!files.texts.has('site.yaml')) {
    problems.push(
      errorAt('site.yaml', 'file', 'Missing site.yaml: it names the site and its organisation'),
    );
  }
  const courses: IndexedCourse[] = [];
  const unsorted: { slug: string; parsed: ParsedCourse; chapters: ParsedChapter[] }[] = [];
  for (const folder of files.courseFolders) {
    const relative = `courses/${folder}/course.md`;
    if (!SLUG.test(folder)) {
      problems.push(errorAt(`courses/${folder}/`, 'file', slugHint(folder)));
      continue;
    }
    const chapters = [...(grouped.chapters.get(folder) ?? [])].sort((a, b) => a.number - b.number);
    if (!files.texts.has(relative)) {
      const message =
        'Missing course.md: every course folder needs one (title, duration, difficulty, ...)';
      problems.push(errorAt(relative, 'file', message));
      continue;
    }
    const folderTroubled = [...troubled].some((file) => file.startsWith(`courses/${folder}/`));
    problems.push(...checkChapterSet(relative, chapters, folderTroubled));
    const course = grouped.courses.get(folder);
    if (course) unsorted.push({ slug: folder, parsed: course, chapters });
  }
  const assets = indexAssets(files.images);
  const ctas = siteCtas(grouped.site, assets, problems);
  for (const course of unsorted)
    courses.push({ ...course, cta: chooseCta(course.parsed, grouped.site, ctas, problems) });
  return {
    value: { site: grouped.site, courses, index: pageIndex(courses, assets) },
    problems,
  };
}
