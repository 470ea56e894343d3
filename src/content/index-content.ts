import path from 'node:path';
import { indexAssets, type ContentIndex } from './content-index.js';
import { errorAt, type ContentProblem, type Staged } from './content-problem.js';
import { outlineCourse, type CourseFiles, type CourseOutline } from './course-outline.js';
import { SLUG } from './file-names.js';
import type { ContentAsset, Cta, Picture } from './model.js';
import type { CtaData } from './schema.js';
import {
  partFolderOf,
  roleOf,
  type ParsedChapter,
  type ParsedCourse,
  type ParsedPart,
  type ParsedSite,
  type ParsedSource,
} from './parse-source.js';
import type { ContentFiles } from './read-content.js';
import { suggest } from './suggest.js';
import { chapterUrl, courseUrl, languageHome } from './urls.js';

export interface IndexedCourse extends CourseOutline {
  readonly slug: string;
  readonly parsed: ParsedCourse;
  /** The course's language, else the site's. */
  readonly language: string;
  /** Where its pages live: see languageHome. */
  readonly home: string;
  readonly cta: Cta | undefined;
  readonly image: Picture | undefined;
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

function picture(asset: ContentAsset, alt: string): Picture {
  const { url, width, height, contentType } = asset;
  return { url, alt, width, height, contentType };
}

function courseImage(
  course: ParsedCourse,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: ContentProblem[],
): Picture | undefined {
  const { image } = course.data;
  if (!image) return undefined;
  const folder = course.relative.slice(0, course.relative.lastIndexOf('/'));
  const asset = assets.get(path.posix.normalize(`${folder}/${image.src}`));
  if (asset) return picture(asset, image.alt);
  const message = `Image not found: "${image.src}" (paths are relative to the course folder, e.g. images/cover.png)`;
  problems.push(errorAt(course.relative, 'image.src', message, course.locate(['image', 'src'])));
  return undefined;
}

/** `at` is where the call to action sits in site.yaml: `['ctas', name]`, or under a language. */
function buildCta(
  name: string,
  cta: CtaData,
  at: readonly string[],
  site: ParsedSite,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: ContentProblem[],
): Cta {
  let image: Cta['image'];
  if (cta.image) {
    const asset = assets.get(path.posix.normalize(cta.image.src));
    if (asset) image = picture(asset, cta.image.alt);
    else {
      const message = `Image not found: "${cta.image.src}" (paths are relative to the content folder)`;
      const where = site.locate([...at, 'image', 'src']);
      problems.push(errorAt(site.relative, [...at, 'image', 'src'].join('.'), message, where));
    }
  }
  return { name, title: cta.title, points: cta.points, link: cta.link, image };
}

/** The calls to action of site.yaml by language: '' for the site's own, else a language code. */
type CtasByLanguage = ReadonlyMap<string, ReadonlyMap<string, Cta>>;

function siteCtas(
  site: ParsedSite | undefined,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: ContentProblem[],
): CtasByLanguage {
  const byLanguage = new Map<string, Map<string, Cta>>();
  if (!site) return byLanguage;
  const ctas = new Map<string, Cta>();
  byLanguage.set('', ctas);
  for (const [name, cta] of Object.entries(site.data.ctas))
    ctas.set(name, buildCta(name, cta, ['ctas', name], site, assets, problems));
  for (const [language, text] of Object.entries(site.data.languages)) {
    const own = new Map<string, Cta>();
    byLanguage.set(language, own);
    for (const [name, cta] of Object.entries(text.ctas)) {
      const at = ['languages', language, 'ctas', name];
      own.set(name, buildCta(name, cta, at, site, assets, problems));
      if (!ctas.has(name)) {
        const message = `No call to action named "${name}" under the site's own ctas: a language translates those, by the same names`;
        problems.push(errorAt(site.relative, at.join('.'), message, site.locate(at, 'key')));
      }
    }
  }
  const fallback = site.data.defaultCta;
  if (fallback && !ctas.has(fallback)) {
    const message = `No call to action named "${fallback}" under ctas`;
    problems.push(errorAt(site.relative, 'defaultCta', message, site.locate(['defaultCta'])));
  }
  return byLanguage;
}

function chooseCta(
  course: ParsedCourse,
  language: string,
  site: ParsedSite | undefined,
  byLanguage: CtasByLanguage,
  problems: ContentProblem[],
): Cta | undefined {
  if (!site) return undefined;
  const own = course.data.cta;
  const name = own === undefined ? site.data.defaultCta : own;
  if (name === false || name === undefined) return undefined;
  const ctas = byLanguage.get('') ?? new Map<string, Cta>();
  // A language that does not translate a call to action shows the site's own.
  const cta =
    byLanguage.get(language)?.get(name) ??
    byLanguage.get(language.split('-')[0]!)?.get(name) ??
    ctas.get(name);
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

function push<Value>(map: Map<string, Value[]>, key: string, value: Value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function groupByCourse(parsed: readonly ParsedSource[]) {
  const courses = new Map<string, ParsedCourse>();
  const chapters = new Map<string, ParsedChapter[]>();
  const parts = new Map<string, ParsedPart[]>();
  let site: ParsedSite | undefined;
  for (const source of parsed) {
    if (source.kind === 'site') site = source;
    else if (source.kind === 'course') courses.set(source.course, source);
    else if (source.kind === 'part') push(parts, source.course, source);
    else push(chapters, source.course, source);
  }
  return { site, courses, chapters, parts };
}

/** Each course folder's text files, and the part folders among its subfolders. */
function filesByCourse(files: ContentFiles, troubled: ReadonlySet<string>) {
  const texts = new Map<string, Set<string>>();
  const folders = new Map<string, Set<string>>();
  for (const relative of [...files.texts.keys(), ...troubled]) {
    const course = relative.startsWith('courses/') ? relative.split('/')[1] : undefined;
    if (course === undefined) continue;
    if (!texts.has(course)) texts.set(course, new Set());
    texts.get(course)?.add(relative);
    const part = roleOf(relative) === undefined ? undefined : partFolderOf(relative);
    if (part === undefined) continue;
    if (!folders.has(course)) folders.set(course, new Set());
    folders.get(course)?.add(part);
  }
  return { texts, folders };
}

function pageIndex(
  courses: readonly IndexedCourse[],
  assets: ReadonlyMap<string, ContentAsset>,
): ContentIndex {
  const pages = new Map<string, string>();
  for (const course of courses) {
    pages.set(course.parsed.relative, courseUrl(course.slug, course.home));
    for (const chapter of course.chapters)
      pages.set(chapter.relative, chapterUrl(course.slug, chapter.slug, course.home));
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
  const assets = indexAssets(files.images);
  const byCourse = filesByCourse(files, troubled);
  const outlined: (CourseOutline & { slug: string; parsed: ParsedCourse })[] = [];
  for (const folder of files.courseFolders) {
    const relative = `courses/${folder}/course.md`;
    if (!SLUG.test(folder)) {
      problems.push(errorAt(`courses/${folder}/`, 'file', slugHint(folder)));
      continue;
    }
    if (!files.texts.has(relative)) {
      const message =
        'Missing course.md: every course folder needs one (title, duration, difficulty, ...)';
      problems.push(errorAt(relative, 'file', message));
      continue;
    }
    const texts = byCourse.texts.get(folder) ?? new Set<string>();
    const courseFiles: CourseFiles = {
      folder,
      chapters: grouped.chapters.get(folder) ?? [],
      parts: grouped.parts.get(folder) ?? [],
      partFolders: [...(byCourse.folders.get(folder) ?? [])].sort(),
      texts,
      troubled: new Set([...troubled].filter((file) => texts.has(file))),
    };
    const course = grouped.courses.get(folder);
    if (!course) continue;
    const outline = outlineCourse(courseFiles, course);
    problems.push(...outline.problems);
    outlined.push({ slug: folder, parsed: course, ...outline.value });
  }
  const ctas = siteCtas(grouped.site, assets, problems);
  const siteLanguage = grouped.site?.data.language ?? 'en';
  const courses: IndexedCourse[] = outlined.map((course) => {
    const language = course.parsed.data.language ?? siteLanguage;
    return {
      ...course,
      language,
      home: languageHome(language, siteLanguage),
      cta: chooseCta(course.parsed, language, grouped.site, ctas, problems),
      image: courseImage(course.parsed, assets, problems),
    };
  });
  return {
    value: { site: grouped.site, courses, index: pageIndex(courses, assets) },
    problems,
  };
}
