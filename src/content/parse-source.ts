import type { z } from 'zod';
import { errorAt, type ContentProblem, type Staged } from './content-problem.js';
import { checkCoursePageBody } from './course-page-bodies.js';
import { checkDescription } from './description-checks.js';
import { chapterNamingHint, parseChapterFileName, PART_FILE } from './file-names.js';
import {
  parseFrontMatter,
  parseYamlFile,
  type FrontMatter,
  type FrontMatterIssue,
} from './front-matter.js';
import type { TextFile } from './read-content.js';
import {
  chapterSchema,
  courseSchema,
  partSchema,
  siteSchema,
  type ChapterData,
  type CourseData,
  type PartData,
  type SiteData,
} from './schema.js';
import { validate } from './validate.js';

type Locate = FrontMatter['locate'];

export interface ParsedSite {
  readonly kind: 'site';
  readonly relative: string;
  readonly data: SiteData;
  readonly locate: Locate;
}

/** A Markdown file with validated front-matter: a course's course.md or one of its chapters. */
interface ParsedMarkdown {
  readonly relative: string;
  /** The course folder's name. */
  readonly course: string;
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
  readonly locate: Locate;
  /** Hash of the file: what the render stage is memoised by, with its body. */
  readonly hash: string;
}

export interface ParsedCourse extends ParsedMarkdown {
  readonly kind: 'course';
  readonly data: CourseData;
}

/** A part folder's part.md: the part's title and description; its body shows on the course page. */
export interface ParsedPart extends ParsedMarkdown {
  readonly kind: 'part';
  /** The part folder's name, e.g. `01-writing-the-content`. */
  readonly folder: string;
  readonly data: PartData;
}

export interface ParsedChapter extends ParsedMarkdown {
  readonly kind: 'chapter';
  readonly number: number;
  readonly slug: string;
  /** The part folder the chapter is in; undefined for a chapter beside course.md. */
  readonly part: string | undefined;
  readonly data: ChapterData;
}

export type ParsedSource = ParsedSite | ParsedCourse | ParsedPart | ParsedChapter;

/** The folder a course's images live in: never a part, whatever it holds. */
export const IMAGES_FOLDER = 'images';

/**
 * What a file is, from where it sits: site.yaml, a course.md, a part folder's part.md, a chapter
 * (beside course.md or in a part folder), or nothing to parse.
 */
export function roleOf(relative: string): 'site' | 'course' | 'part' | 'chapter' | undefined {
  if (relative === 'site.yaml') return 'site';
  const segments = relative.split('/');
  const name = segments.at(-1) ?? '';
  if (segments[0] !== 'courses' || !name.endsWith('.md')) return undefined;
  if (segments.length === 3) return name === 'course.md' ? 'course' : 'chapter';
  if (segments.length !== 4 || segments[2] === IMAGES_FOLDER) return undefined;
  return name === PART_FILE ? 'part' : 'chapter';
}

/** The part folder a course file sits in (`courses/c/01-basics/02-x.md` -> `01-basics`). */
export function partFolderOf(relative: string): string | undefined {
  const segments = relative.split('/');
  return segments.length === 4 ? segments[2] : undefined;
}

function located(relative: string, issues: readonly FrontMatterIssue[]): ContentProblem[] {
  return issues.map((issue) => errorAt(relative, issue.field, issue.message, issue));
}

function withSchema<Schema extends z.ZodType>(
  schema: Schema,
  file: TextFile,
): Staged<{ data: z.output<Schema>; frontMatter: FrontMatter } | undefined> {
  const parsed = parseFrontMatter(file.source);
  if (!parsed.ok) return { value: undefined, problems: located(file.relative, parsed.issues) };
  const result = validate(schema, parsed.value.data, parsed.value.locate);
  if (!result.ok) return { value: undefined, problems: located(file.relative, result.issues) };
  return { value: { data: result.value, frontMatter: parsed.value }, problems: [] };
}

function parseSite(file: TextFile): Staged<ParsedSite | undefined> {
  const parsed = parseYamlFile(file.source);
  if (!parsed.ok) return { value: undefined, problems: located(file.relative, parsed.issues) };
  const result = validate(siteSchema, parsed.data, parsed.locate);
  if (!result.ok) return { value: undefined, problems: located(file.relative, result.issues) };
  const value: ParsedSite = {
    kind: 'site',
    relative: file.relative,
    data: result.value,
    locate: parsed.locate,
  };
  return { value, problems: [] };
}

function markdownPart(file: TextFile, frontMatter: FrontMatter): ParsedMarkdown {
  return {
    relative: file.relative,
    course: file.relative.split('/')[1] ?? '',
    body: frontMatter.body,
    bodyLine: frontMatter.bodyLine,
    locate: frontMatter.locate,
    hash: file.hash,
  };
}

function parseCourse(file: TextFile): Staged<ParsedCourse | undefined> {
  const parsed = withSchema(courseSchema, file);
  if (!parsed.value) return { value: undefined, problems: parsed.problems };
  const { data, frontMatter } = parsed.value;
  const problems: ContentProblem[] = [];
  checkDescription(file.relative, data.description, frontMatter.locate, problems);
  const { body, bodyLine } = frontMatter;
  problems.push(...checkCoursePageBody(file.relative, body, bodyLine, 'course'));
  return { value: { kind: 'course', ...markdownPart(file, frontMatter), data }, problems };
}

function parsePart(file: TextFile): Staged<ParsedPart | undefined> {
  const parsed = withSchema(partSchema, file);
  if (!parsed.value) return { value: undefined, problems: parsed.problems };
  const { data, frontMatter } = parsed.value;
  const folder = partFolderOf(file.relative) ?? '';
  const { body, bodyLine } = frontMatter;
  return {
    value: { kind: 'part', ...markdownPart(file, frontMatter), folder, data },
    problems: checkCoursePageBody(file.relative, body, bodyLine, 'part'),
  };
}

function parseChapter(file: TextFile): Staged<ParsedChapter | undefined> {
  const name = file.relative.slice(file.relative.lastIndexOf('/') + 1);
  const fileName = parseChapterFileName(name);
  if (!fileName) {
    return {
      value: undefined,
      problems: [errorAt(file.relative, 'file', chapterNamingHint(name))],
    };
  }
  const parsed = withSchema(chapterSchema, file);
  if (!parsed.value) return { value: undefined, problems: parsed.problems };
  const { data, frontMatter } = parsed.value;
  if (frontMatter.body.trim() === '') {
    const message = 'The chapter is empty: write its content below the front-matter';
    const at = { line: frontMatter.bodyLine, column: 1 };
    return { value: undefined, problems: [errorAt(file.relative, 'body', message, at)] };
  }
  const problems: ContentProblem[] = [];
  checkDescription(file.relative, data.description, frontMatter.locate, problems);
  const chapter: ParsedChapter = {
    kind: 'chapter',
    ...markdownPart(file, frontMatter),
    ...fileName,
    part: partFolderOf(file.relative),
    data,
  };
  return { value: chapter, problems };
}

/**
 * The parse stage, for one file: its front-matter split from its body, read once as YAML with
 * positions and validated by its schema. A function of the file alone, so it is memoised by the
 * file's hash.
 */
export function parseSource(file: TextFile): Staged<ParsedSource | undefined> {
  switch (roleOf(file.relative)) {
    case 'site':
      return parseSite(file);
    case 'course':
      return parseCourse(file);
    case 'part':
      return parsePart(file);
    case 'chapter':
      return parseChapter(file);
    default:
      return { value: undefined, problems: [] };
  }
}
