import { errorAt, warningAt, type ContentProblem, type Staged } from './content-problem.js';
import { formatDuration } from './duration.js';
import { PART_FILE, parsePartFolderName, partNamingHint } from './file-names.js';
import type { ParsedChapter, ParsedCourse, ParsedPart } from './parse-source.js';
import { CERTIFICATE_SLUG } from './urls.js';

export interface IndexedPart {
  readonly parsed: ParsedPart;
  /** In part order: by the NN- number of their file names. */
  readonly chapters: readonly ParsedChapter[];
}

/** A course's chapters and, when it has them, its parts: what its pages list, in order. */
export interface CourseOutline {
  /** Every chapter in course order, across parts. */
  readonly chapters: readonly ParsedChapter[];
  /** Empty for a course whose chapters sit beside course.md. */
  readonly parts: readonly IndexedPart[];
}

/** What the index knows of one course folder before it is outlined. */
export interface CourseFiles {
  readonly folder: string;
  readonly chapters: readonly ParsedChapter[];
  readonly parts: readonly ParsedPart[];
  /** Part folders by name: every folder beside course.md holding a Markdown file. */
  readonly partFolders: readonly string[];
  /** Every text file of the course folder, whether or not it parsed. */
  readonly texts: ReadonlySet<string>;
  /** Files of the course folder an earlier stage found a problem in. */
  readonly troubled: ReadonlySet<string>;
}

const two = (n: number) => String(n).padStart(2, '0');

function byNumber<Item extends { number: number; relative: string }>(items: readonly Item[]) {
  // Two files with one number (a warning) are still put in one order every time: by name.
  return [...items].sort((a, b) => a.number - b.number || a.relative.localeCompare(b.relative));
}

/** Numbers that repeat or skip: warnings, since the order is still clear and learners see 1, 2, 3. */
function checkNumbering(
  kind: 'Chapter' | 'Part',
  items: readonly { number: number; relative: string; where: string }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let previous: { number: number; relative: string } | undefined;
  for (const item of items) {
    const last = previous?.number ?? 0;
    if (previous && item.number === last) {
      const message = `${kind} number ${two(item.number)} is also used by ${previous.relative}: they are put in order by name; give each its own number`;
      problems.push(warningAt(item.where, 'file', message));
    } else if (item.number > last + 1) {
      const message = previous
        ? `${kind} number ${two(item.number)} comes after ${two(last)}: is one missing? Number them 01, 02, 03, ... with no gap`
        : `${kind} numbers start at 01, and this one is ${two(item.number)}: number them 01, 02, 03, ... with no gap`;
      problems.push(warningAt(item.where, 'file', message));
    }
    previous = item;
  }
  return problems;
}

function chapterNumbering(chapters: readonly ParsedChapter[]): ContentProblem[] {
  const items = chapters.map((c) => ({
    number: c.number,
    relative: c.relative,
    where: c.relative,
  }));
  return checkNumbering('Chapter', items);
}

/** One URL per chapter slug, across every part: a chapter's URL does not name its part. */
function checkSlugs(chapters: readonly ParsedChapter[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = new Map<string, string>();
  for (const chapter of chapters) {
    if (chapter.slug === CERTIFICATE_SLUG) {
      const message = `The slug "${CERTIFICATE_SLUG}" is the address of the course's certificate of achievement: give the chapter another name`;
      problems.push(errorAt(chapter.relative, 'file', message));
    }
    const same = bySlug.get(chapter.slug);
    if (same) {
      const message = `Chapter slug "${chapter.slug}" is also used by ${same}: two chapters cannot share a URL`;
      problems.push(errorAt(chapter.relative, 'file', message));
    } else bySlug.set(chapter.slug, chapter.relative);
  }
  return problems;
}

function checkDurations(course: ParsedCourse, chapters: readonly ParsedChapter[]) {
  const total = chapters.reduce((sum, chapter) => sum + (chapter.data.duration ?? 0), 0);
  if (total <= course.data.duration) return [];
  const message = `The chapters' durations add up to ${formatDuration(total)}, more than the course's ${formatDuration(course.data.duration)}: raise the course's duration or lower the chapters'`;
  return [warningAt(course.relative, 'duration', message, course.locate(['duration']))];
}

function inFolder(files: CourseFiles, folder: string): (relative: string) => boolean {
  const prefix = `courses/${files.folder}/${folder}/`;
  return (relative) => relative.startsWith(prefix);
}

function outlinePart(files: CourseFiles, folder: string, problems: ContentProblem[]) {
  const base = `courses/${files.folder}/${folder}`;
  if (!parsePartFolderName(folder)) {
    problems.push(errorAt(`${base}/`, 'file', partNamingHint(folder)));
    return undefined;
  }
  const troubled = [...files.troubled].some(inFolder(files, folder));
  const parsed = files.parts.find((part) => part.folder === folder);
  if (!parsed) {
    if (!files.texts.has(`${base}/${PART_FILE}`)) {
      const message = `Missing ${PART_FILE}: every part folder needs one, with at least the part's title`;
      problems.push(errorAt(`${base}/${PART_FILE}`, 'file', message));
    }
    return undefined;
  }
  const chapters = byNumber(files.chapters.filter((chapter) => chapter.part === folder));
  if (chapters.length === 0 && !troubled) {
    const message = `The part has no chapter: add a file such as 01-introduction.md beside ${PART_FILE}`;
    problems.push(errorAt(parsed.relative, 'chapters', message));
  }
  problems.push(...chapterNumbering(chapters));
  return { parsed, chapters };
}

function outlineParts(files: CourseFiles, problems: ContentProblem[]): IndexedPart[] {
  const folders = files.partFolders
    .map((folder) => ({ folder, name: parsePartFolderName(folder) }))
    .sort(
      (a, b) => (a.name?.number ?? 0) - (b.name?.number ?? 0) || a.folder.localeCompare(b.folder),
    );
  const numbered = folders.flatMap(({ folder, name }) => {
    const where = `courses/${files.folder}/${folder}/`;
    return name ? [{ number: name.number, relative: where, where }] : [];
  });
  problems.push(...checkNumbering('Part', numbered));
  return folders.flatMap(({ folder }) => outlinePart(files, folder, problems) ?? []);
}

function mixedProblem(files: CourseFiles, chapter: ParsedChapter): ContentProblem {
  const part = files.partFolders[0] ?? '';
  const name = chapter.relative.slice(chapter.relative.lastIndexOf('/') + 1);
  const message = `The course has both chapters beside course.md (${name}) and parts (${part}/): a course has one or the other; move ${name} into a part folder, or move the parts' chapters beside course.md`;
  return errorAt(chapter.relative, 'file', message);
}

/**
 * A course folder -> its chapters in order and its parts, with what only the folder as a whole
 * can show: a part without part.md or without chapters, chapters beside parts, a slug used
 * twice, numbers that skip or repeat, chapter durations past the course's.
 */
export function outlineCourse(files: CourseFiles, course: ParsedCourse): Staged<CourseOutline> {
  const problems: ContentProblem[] = [];
  const top = byNumber(files.chapters.filter((chapter) => chapter.part === undefined));
  const parts = files.partFolders.length > 0 ? outlineParts(files, problems) : [];
  if (files.partFolders.length > 0 && top[0]) problems.push(mixedProblem(files, top[0]));
  const chapters = parts.length > 0 ? parts.flatMap((part) => part.chapters) : top;
  if (files.partFolders.length === 0) problems.push(...chapterNumbering(top));
  // A course whose only chapter is broken has a chapter: its own problem says what is wrong.
  if (chapters.length === 0 && files.partFolders.length === 0 && files.troubled.size === 0) {
    const message =
      'The course has no chapter: add a file such as 01-introduction.md beside course.md';
    problems.push(errorAt(course.relative, 'chapters', message));
  }
  problems.push(...checkSlugs(chapters), ...checkDurations(course, chapters));
  return { value: { chapters, parts }, problems };
}
