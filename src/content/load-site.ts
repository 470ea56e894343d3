import path from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import { latestDate } from './calendar-date.js';
import { indexAssets, type ContentIndex } from './content-index.js';
import { ContentError, type ContentProblem } from './content-problem.js';
import { chapterNamingHint, parseChapterFileName, SLUG } from './file-names.js';
import {
  parseFrontMatter,
  parseYamlFile,
  type FrontMatter,
  type FrontMatterIssue,
} from './front-matter.js';
import type { Chapter, ContentAsset, Course, Cta, Site } from './model.js';
import { readContent, type FileProblem, type TextFile } from './read-content.js';
import { indexKey, pruneRenderCache, renderCached, type RenderCache } from './render-cache.js';
import { checkFragments, type RenderedDocument } from './render-document.js';
import {
  chapterSchema,
  courseSchema,
  siteSchema,
  type ChapterData,
  type CourseData,
  type SiteData,
} from './schema.js';
import { suggest } from './suggest.js';
import { chapterUrl, courseUrl } from './urls.js';
import { validate } from './validate.js';
import { deepFreeze } from './deep-freeze.js';
import { displayPath } from './display-path.js';
import { checkDescription } from './description-checks.js';
import type { z } from 'zod';

export interface LoadOptions {
  /** The content folder (holds site.yaml and courses/). */
  readonly contentDir: string;
  readonly markdown: MarkdownIt;
  /** Paths in messages are relative to this folder (the project root); default: the content folder's parent. */
  readonly displayRoot?: string;
  /** Markdown rendered by an earlier load, reused where nothing it depends on changed. */
  readonly renderCache?: RenderCache;
}

export interface LoadedSite {
  readonly site: Site;
  /** Problems that do not stop the site (they stop nothing, but deserve a look). */
  readonly warnings: readonly ContentProblem[];
}

interface ParsedChapter {
  readonly file: TextFile;
  readonly number: number;
  readonly slug: string;
  readonly data: ChapterData;
  readonly frontMatter: FrontMatter;
}

interface ParsedCourse {
  readonly slug: string;
  readonly file: TextFile;
  readonly data: CourseData;
  readonly frontMatter: FrontMatter;
  readonly chapters: ParsedChapter[];
}

function located(
  relative: string,
  issues: readonly FrontMatterIssue[],
  problems: FileProblem[],
): void {
  for (const issue of issues) problems.push({ relative, ...issue, severity: 'error' });
}

function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  file: TextFile,
  problems: FileProblem[],
): { data: z.output<Schema>; frontMatter: FrontMatter } | undefined {
  const parsed = parseFrontMatter(file.source);
  if (!parsed.ok) return void located(file.relative, parsed.issues, problems);
  const result = validate(schema, parsed.value.data, parsed.value.locate);
  if (!result.ok) return void located(file.relative, result.issues, problems);
  return { data: result.value, frontMatter: parsed.value };
}

function parseSite(files: ReadonlyMap<string, TextFile>, problems: FileProblem[]) {
  const file = files.get('site.yaml');
  if (!file) {
    problems.push({
      relative: 'site.yaml',
      line: 1,
      column: 1,
      field: 'file',
      severity: 'error',
      message: 'Missing site.yaml: it names the site and its organisation',
    });
    return undefined;
  }
  const parsed = parseYamlFile(file.source);
  if (!parsed.ok) return void located(file.relative, parsed.issues, problems);
  const result = validate(siteSchema, parsed.data, parsed.locate);
  if (!result.ok) return void located(file.relative, result.issues, problems);
  return { data: result.value, locate: parsed.locate };
}

function problem(
  relative: string,
  field: string,
  message: string,
  at = { line: 1, column: 1 },
): FileProblem {
  return { relative, ...at, field, message, severity: 'error' };
}

/** The Markdown files directly in each course folder (not in images/ or deeper), by folder. */
function filesByCourse(files: ReadonlyMap<string, TextFile>): Map<string, TextFile[]> {
  const byCourse = new Map<string, TextFile[]>();
  for (const file of files.values()) {
    const [top, folder, name, ...deeper] = file.relative.split('/');
    if (top !== 'courses' || !folder || !name?.endsWith('.md') || deeper.length > 0) continue;
    const list = byCourse.get(folder);
    if (list) list.push(file);
    else byCourse.set(folder, [file]);
  }
  return byCourse;
}

function parseChapters(
  folder: string,
  files: readonly TextFile[],
  problems: FileProblem[],
): ParsedChapter[] {
  const chapters: ParsedChapter[] = [];
  const prefix = `courses/${folder}/`;
  for (const file of files) {
    const name = file.relative.slice(prefix.length);
    if (name === 'course.md') continue;
    const fileName = parseChapterFileName(name);
    if (!fileName) {
      problems.push(problem(file.relative, 'file', chapterNamingHint(name)));
      continue;
    }
    const parsed = parseWith(chapterSchema, file, problems);
    if (!parsed) continue;
    if (parsed.frontMatter.body.trim() === '') {
      problems.push(
        problem(
          file.relative,
          'body',
          'The chapter is empty: write its content below the front-matter',
          { line: parsed.frontMatter.bodyLine, column: 1 },
        ),
      );
      continue;
    }
    checkDescription(file.relative, parsed.data.description, parsed.frontMatter.locate, problems);
    chapters.push({ file, ...fileName, ...parsed });
  }
  return chapters.sort((a, b) => a.number - b.number);
}

function checkChapterSet(
  courseFile: string,
  chapters: readonly ParsedChapter[],
  problems: FileProblem[],
): void {
  const folder = courseFile.slice(0, courseFile.lastIndexOf('/') + 1);
  // A course whose only chapter is broken has a chapter: its own problem says what is wrong.
  if (chapters.length === 0 && !problems.some((p) => p.relative.startsWith(folder))) {
    problems.push(
      problem(
        courseFile,
        'chapters',
        'The course has no chapter: add a file such as 01-introduction.md beside course.md',
      ),
    );
  }
  const byNumber = new Map<number, string>();
  const bySlug = new Map<string, string>();
  for (const chapter of chapters) {
    const name = chapter.file.relative;
    const sameNumber = byNumber.get(chapter.number);
    const sameSlug = bySlug.get(chapter.slug);
    if (sameNumber)
      problems.push(
        problem(
          name,
          'file',
          `Chapter number ${String(chapter.number).padStart(2, '0')} is also used by ${sameNumber}: each chapter needs its own number`,
        ),
      );
    if (sameSlug)
      problems.push(
        problem(
          name,
          'file',
          `Chapter slug "${chapter.slug}" is also used by ${sameSlug}: two chapters cannot share a URL`,
        ),
      );
    byNumber.set(chapter.number, name);
    bySlug.set(chapter.slug, name);
  }
}

function parseCourses(
  folders: readonly string[],
  files: ReadonlyMap<string, TextFile>,
  problems: FileProblem[],
): ParsedCourse[] {
  const courses: ParsedCourse[] = [];
  const byCourse = filesByCourse(files);
  for (const folder of folders) {
    const relative = `courses/${folder}/course.md`;
    if (!SLUG.test(folder)) {
      problems.push(
        problem(
          `courses/${folder}/`,
          'file',
          `Course folder names are lowercase words joined by hyphens (they become the URL), e.g. "${folder
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}"`,
        ),
      );
      continue;
    }
    const file = files.get(relative);
    if (!file) {
      problems.push(
        problem(
          relative,
          'file',
          'Missing course.md: every course folder needs one (title, duration, difficulty, ...)',
        ),
      );
      continue;
    }
    const parsed = parseWith(courseSchema, file, problems);
    if (parsed)
      checkDescription(relative, parsed.data.description, parsed.frontMatter.locate, problems);
    const chapters = parseChapters(folder, byCourse.get(folder) ?? [], problems);
    checkChapterSet(relative, chapters, problems);
    if (parsed) courses.push({ slug: folder, file, ...parsed, chapters });
  }
  return courses;
}

function buildCta(
  name: string,
  data: SiteData,
  assets: ReadonlyMap<string, ContentAsset>,
  problems: FileProblem[],
  locate: (p: PropertyKey[]) => { line: number; column: number },
): Cta | undefined {
  const cta = data.ctas[name];
  if (!cta) return undefined;
  let image: Cta['image'];
  if (cta.image) {
    const asset = assets.get(path.posix.normalize(cta.image.src));
    if (asset)
      image = { url: asset.url, alt: cta.image.alt, width: asset.width, height: asset.height };
    else
      problems.push(
        problem(
          'site.yaml',
          `ctas.${name}.image.src`,
          `Image not found: "${cta.image.src}" (paths are relative to the content folder)`,
          locate(['ctas', name, 'image', 'src']),
        ),
      );
  }
  return { name, title: cta.title, points: cta.points, link: cta.link, image };
}

function chooseCta(
  course: ParsedCourse,
  site: SiteData,
  ctas: ReadonlyMap<string, Cta>,
  problems: FileProblem[],
): Cta | undefined {
  const name = course.data.cta === undefined ? site.defaultCta : course.data.cta;
  if (name === false || name === undefined) return undefined;
  const cta = ctas.get(name);
  if (!cta) {
    const known = [...ctas.keys()];
    const hint = suggest(name, known);
    const field = course.data.cta === undefined ? 'defaultCta' : 'cta';
    const relative = course.data.cta === undefined ? 'site.yaml' : course.file.relative;
    const at =
      course.data.cta === undefined ? { line: 1, column: 1 } : course.frontMatter.locate(['cta']);
    problems.push(
      problem(
        relative,
        field,
        `No call to action named "${name}" in site.yaml${hint ? `; did you mean "${hint}"?` : known.length ? `; expected one of: ${known.join(', ')}` : ''}`,
        at,
      ),
    );
  }
  return cta;
}

/**
 * Loads, validates and renders the whole content folder into a frozen Site. Reading, parsing,
 * cross-checking and rendering are separate passes, and each collects its problems, so that the
 * editor sees every problem at once. Throws a ContentError when any of them is an error.
 */
export async function loadSite(options: LoadOptions): Promise<LoadedSite> {
  const { files, problems } = await readContent(options.contentDir);
  const site = parseSite(files.texts, problems);
  const courses = parseCourses(files.courseFolders, files.texts, problems);
  const assets = indexAssets(files.images);

  const pages = new Map<string, string>();
  for (const course of courses) {
    pages.set(course.file.relative, courseUrl(course.slug));
    for (const chapter of course.chapters)
      pages.set(chapter.file.relative, chapterUrl(course.slug, chapter.slug));
  }
  const filesByUrl = new Map([...pages].map(([file, url]) => [url, file]));
  const index: ContentIndex = { pages, filesByUrl, assets };

  const documents: RenderedDocument[] = [];
  const key = indexKey(index);
  const render = (file: TextFile, frontMatter: FrontMatter) => {
    const document = renderCached(
      options.renderCache,
      options.markdown,
      index,
      key,
      { relative: file.relative, body: frontMatter.body, bodyLine: frontMatter.bodyLine },
      problems,
    );
    documents.push(document);
    return document;
  };

  const ctas = new Map<string, Cta>();
  if (site) {
    for (const name of Object.keys(site.data.ctas)) {
      const cta = buildCta(name, site.data, assets, problems, site.locate);
      if (cta) ctas.set(name, cta);
    }
    if (site.data.defaultCta && !ctas.has(site.data.defaultCta)) {
      problems.push(
        problem(
          'site.yaml',
          'defaultCta',
          `No call to action named "${site.data.defaultCta}" under ctas`,
          site.locate(['defaultCta']),
        ),
      );
    }
  }

  const builtCourses: Course[] = courses.map((course) => {
    const intro = render(course.file, course.frontMatter);
    const chapters: Chapter[] = course.chapters.map((chapter) => {
      const document = render(chapter.file, chapter.frontMatter);
      return {
        number: chapter.number,
        slug: chapter.slug,
        file: chapter.file.relative,
        url: chapterUrl(course.slug, chapter.slug),
        title: chapter.data.title,
        description: chapter.data.description,
        updated: chapter.data.updated ?? course.data.updated,
        html: document.html,
        headings: document.headings,
      };
    });
    return {
      slug: course.slug,
      file: course.file.relative,
      url: courseUrl(course.slug),
      title: course.data.title,
      description: course.data.description,
      durationMinutes: course.data.duration,
      difficulty: course.data.difficulty,
      free: course.data.free,
      updated:
        latestDate([course.data.updated, ...chapters.map((c) => c.updated)]) ?? course.data.updated,
      language: course.data.language ?? site?.data.language ?? 'en',
      cta: site ? chooseCta(course, site.data, ctas, problems) : undefined,
      introHtml: intro.html,
      chapters,
    };
  });
  checkFragments(documents, problems);
  pruneRenderCache(options.renderCache, new Set(documents.map((d) => d.relative)));

  const displayRoot = options.displayRoot ?? path.dirname(options.contentDir);
  const contentPrefix = displayPath(options.contentDir, displayRoot);
  const located = problems.map(({ relative, ...rest }) => ({
    file: contentPrefix ? `${contentPrefix}/${relative}` : relative,
    ...rest,
  }));
  const errors = located.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !site) throw new ContentError(located);

  return {
    site: deepFreeze({
      title: site.data.title,
      description: site.data.description,
      url: site.data.url,
      language: site.data.language,
      organization: site.data.organization,
      themeColor: site.data.themeColor,
      courses: builtCourses.sort((a, b) => a.title.localeCompare(b.title)),
      assets: [...assets.values()],
    }),
    warnings: located.filter((p) => p.severity === 'warning'),
  };
}
