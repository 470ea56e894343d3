import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseChapterFileName, toSlug } from '../content/file-names.js';
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

/** Creates the next numbered chapter of a course; returns the file created. */
export async function newChapter(
  contentDir: string,
  course: string,
  title: string,
): Promise<string> {
  const courses = await entries(path.join(contentDir, 'courses'));
  if (!courses.includes(course)) {
    const hint = suggest(course, courses);
    throw new NewContentError(
      `No course "${course}" in ${path.join(contentDir, 'courses')}` +
        (hint
          ? `; did you mean "${hint}"?`
          : courses.length
            ? `; the courses are: ${courses.join(', ')}`
            : ''),
    );
  }
  const folder = path.join(contentDir, 'courses', course);
  const chapters = (await entries(folder)).map(parseChapterFileName).filter((c) => c !== undefined);
  const slug = slugOrThrow(title, 'chapter');
  const taken = chapters.find((c) => c.slug === slug);
  if (taken) {
    throw new NewContentError(
      `A chapter of ${course} already has the slug "${slug}" (chapter ${taken.number}): choose another title`,
    );
  }
  const number = Math.max(0, ...chapters.map((c) => c.number)) + 1;
  const file = path.join(folder, `${String(number).padStart(2, '0')}-${slug}.md`);
  await writeFile(file, chapterSource(title), { flag: 'wx' });
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
