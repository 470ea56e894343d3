import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  PART_FILE,
  parseChapterFileName,
  parsePartFolderName,
  toSlug,
} from '../content/file-names.js';
import { suggest } from '../content/suggest.js';

export class NewContentError extends Error {
  override name = 'NewContentError';
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function chapterSource(title: string): string {
  return `---
title: ${yamlString(title)}
# description: one or two sentences (50-160 characters) for search results and link previews
---
## ${title.replace(/^#+/, '')}

Write the chapter here. The course "Write a course with Lectern" shows every Markdown feature.
`;
}

function courseSource(title: string, today: string): string {
  return `---
title: ${yamlString(title)}
description: ${yamlString(`${title}: what you will learn, in one or two sentences for the catalog.`)}
duration: 1 hour
difficulty: easy
free: true
updated: ${today}
---
Introduce the course here: who it is for and what the learner will be able to do at the end.
`;
}

function slugOrThrow(title: string, what: string): string {
  const slug = toSlug(title);
  if (slug === '')
    throw new NewContentError(
      `The ${what} title "${title}" has no letters or digits to make a URL from`,
    );
  return slug;
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

function partSource(title: string): string {
  return `---
title: ${yamlString(title)}
# description: one sentence shown under the part's title on the course page
---
`;
}

function notFound(what: string, name: string, where: string, known: readonly string[]): never {
  const hint = suggest(name, known);
  throw new NewContentError(
    `No ${what} "${name}" in ${where}` +
      (hint
        ? `; did you mean "${hint}"?`
        : known.length
          ? `; the ${what}s are: ${known.join(', ')}`
          : ''),
  );
}

async function courseFolder(contentDir: string, course: string): Promise<string> {
  const courses = await entries(path.join(contentDir, 'courses'));
  if (!courses.includes(course))
    notFound('course', course, path.join(contentDir, 'courses'), courses);
  return path.join(contentDir, 'courses', course);
}

/** The course's part folders and the chapters beside course.md, by their numbered names. */
async function outlineOf(folder: string) {
  const names = await entries(folder);
  const parts = names.filter((name) => parsePartFolderName(name) !== undefined).sort();
  const chapters = names.map(parseChapterFileName).filter((c) => c !== undefined);
  const inParts = await Promise.all(
    parts.map(async (part) =>
      (await entries(path.join(folder, part)))
        .map(parseChapterFileName)
        .filter((c) => c !== undefined),
    ),
  );
  return { parts, chapters, all: [...chapters, ...inParts.flat()] };
}

function nextName(numbers: readonly number[], slug: string): string {
  return `${String(Math.max(0, ...numbers) + 1).padStart(2, '0')}-${slug}`;
}

/** The part folder named by its full name (02-publishing) or its slug (publishing). */
function partNamed(parts: readonly string[], name: string, course: string): string {
  const slugOf = (part: string) => parsePartFolderName(part)?.slug;
  const found = parts.find((part) => part === name || slugOf(part) === name);
  if (found) return found;
  const hint = suggest(name, [...parts, ...parts.map((part) => slugOf(part) ?? part)]);
  const meant = parts.find((part) => part === hint || slugOf(part) === hint);
  throw new NewContentError(
    `No part "${name}" in ${course}` +
      (meant ? `; did you mean "${meant}"?` : `; the parts are: ${parts.join(', ')}`),
  );
}

/**
 * Creates the next numbered chapter of a course, at the end of `part` when given, else at the
 * end of the course (its last part, in a course in parts); returns the file created.
 */
export async function newChapter(
  contentDir: string,
  course: string,
  title: string,
  part?: string,
): Promise<string> {
  const folder = await courseFolder(contentDir, course);
  const outline = await outlineOf(folder);
  const slug = slugOrThrow(title, 'chapter');
  const taken = outline.all.find((c) => c.slug === slug);
  if (taken) {
    throw new NewContentError(
      `A chapter of ${course} already has the slug "${slug}" (chapter ${taken.number}): choose another title`,
    );
  }
  if (part !== undefined && outline.parts.length === 0) {
    throw new NewContentError(
      `${course} has no parts: leave out "${part}" to add the chapter beside course.md, or create the part first with npm run new -- part ${course} "Part title"`,
    );
  }
  const partFolder =
    part === undefined ? outline.parts.at(-1) : partNamed(outline.parts, part, course);
  const dir = partFolder === undefined ? folder : path.join(folder, partFolder);
  const siblings = (await entries(dir)).map(parseChapterFileName).filter((c) => c !== undefined);
  const file = path.join(
    dir,
    `${nextName(
      siblings.map((c) => c.number),
      slug,
    )}.md`,
  );
  await writeFile(file, chapterSource(title), { flag: 'wx' });
  return file;
}

/** Creates the next numbered part folder of a course with its part.md; returns the file created. */
export async function newPart(contentDir: string, course: string, title: string): Promise<string> {
  const folder = await courseFolder(contentDir, course);
  const outline = await outlineOf(folder);
  if (outline.chapters.length > 0) {
    throw new NewContentError(
      `${course} has chapters beside course.md, and a course has either chapters or parts: move them into a part folder first (e.g. ${folder}/01-basics/), then add parts`,
    );
  }
  const slug = slugOrThrow(title, 'part');
  const numbers = outline.parts.map((name) => parsePartFolderName(name)?.number ?? 0);
  const dir = path.join(folder, nextName(numbers, slug));
  await mkdir(dir);
  const file = path.join(dir, PART_FILE);
  await writeFile(file, partSource(title), { flag: 'wx' });
  return file;
}

/** Creates a course folder with its course.md and a first chapter; returns the files created. */
export async function newCourse(
  contentDir: string,
  title: string,
  today: string,
): Promise<string[]> {
  const slug = slugOrThrow(title, 'course');
  const folder = path.join(contentDir, 'courses', slug);
  if ((await entries(path.join(contentDir, 'courses'))).includes(slug)) {
    throw new NewContentError(`${folder} already exists: choose another title`);
  }
  await mkdir(folder, { recursive: true });
  const course = path.join(folder, 'course.md');
  await writeFile(course, courseSource(title, today), { flag: 'wx' });
  return [course, await newChapter(contentDir, slug, 'Introduction')];
}
