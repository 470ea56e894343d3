import type { z } from 'zod';
import { errorAt, type ContentProblem, type Staged } from './content-problem.js';
import { checkDescription } from './description-checks.js';
import { chapterNamingHint, parseChapterFileName } from './file-names.js';
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
  siteSchema,
  type ChapterData,
  type CourseData,
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

export interface ParsedChapter extends ParsedMarkdown {
  readonly kind: 'chapter';
  readonly number: number;
  readonly slug: string;
  readonly data: ChapterData;
}

export type ParsedSource = ParsedSite | ParsedCourse | ParsedChapter;

/** What a file is, from where it sits: site.yaml, a course.md, a chapter, or nothing to parse. */
export function roleOf(relative: string): 'site' | 'course' | 'chapter' | undefined {
  if (relative === 'site.yaml') return 'site';
  const [top, folder, name, ...deeper] = relative.split('/');
  if (top !== 'courses' || !folder || !name?.endsWith('.md') || deeper.length > 0) return undefined;
  return name === 'course.md' ? 'course' : 'chapter';
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
  return { value: { kind: 'course', ...markdownPart(file, frontMatter), data }, problems };
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
    case 'chapter':
      return parseChapter(file);
    default:
      return { value: undefined, problems: [] };
  }
}
