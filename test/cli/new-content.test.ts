import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newChapter, newCourse, newPart } from '../../src/cli/new-content.js';
import {
  CHAPTER_MD,
  contentFolder,
  COURSE_MD,
  SITE_YAML,
  validFiles,
} from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';
import { readdir } from 'node:fs/promises';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(files: Record<string, string> = validFiles()) {
  const created = await contentFolder(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, absolute)] = await readFile(absolute, 'utf8');
  }
  return files;
}

describe('newChapter', () => {
  it('creates the next numbered chapter, with front-matter that loads', async () => {
    const dir = await folder();
    const file = await newChapter(dir, 'a-course', 'Living the Principles!');
    expect(path.relative(dir, file)).toBe('courses/a-course/02-living-the-principles.md');
    const { site, warnings } = await loadFiles(await filesOf(dir));
    expect(site.courses[0]!.chapters.map((c) => c.title)).toEqual([
      'First chapter',
      'Living the Principles!',
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'No description: add one or two sentences (50-160 characters) for search results and link previews',
    ]);
  });

  it('names the course it cannot find, and the one that was meant', async () => {
    await expect(newChapter(await folder(), 'a-cuorse', 'Title')).rejects.toThrow(
      /^No course "a-cuorse" in .*courses; did you mean "a-course"\?$/,
    );
  });

  it('refuses a title whose slug is taken', async () => {
    await expect(newChapter(await folder(), 'a-course', 'First')).rejects.toThrow(
      'A chapter of a-course already has the slug "first" (chapter 1): choose another title',
    );
  });
});

describe('newCourse', () => {
  it('creates a course folder with a first chapter, which loads', async () => {
    const dir = await folder();
    const files = await newCourse(dir, 'Learn Git in a Day', '2026-11-29');
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      'courses/learn-git-in-a-day/course.md',
      'courses/learn-git-in-a-day/01-introduction.md',
    ]);
    const { site } = await loadFiles(await filesOf(dir));
    expect(site.courses.map((c) => c.title)).toContain('Learn Git in a Day');
  });

  it('refuses a course that already exists', async () => {
    await expect(newCourse(await folder(), 'A course', '2026-11-29')).rejects.toThrow(
      /courses\/a-course already exists: choose another title$/,
    );
  });
});

/** A course in one part, "01-basics", with one chapter. */
function partedFiles(): Record<string, string> {
  return {
    'site.yaml': SITE_YAML,
    'courses/a-course/course.md': COURSE_MD,
    'courses/a-course/01-basics/part.md': '---\ntitle: The basics\n---\n',
    'courses/a-course/01-basics/01-first.md': CHAPTER_MD,
  };
}

describe('newPart and newChapter in a course in parts', () => {
  it('creates the next part, then a chapter in it numbered from 01, which load', async () => {
    const dir = await folder(partedFiles());
    const part = await newPart(dir, 'a-course', 'Going Further');
    expect(path.relative(dir, part)).toBe('courses/a-course/02-going-further/part.md');
    const chapter = await newChapter(dir, 'a-course', 'Next steps', 'going-further');
    expect(path.relative(dir, chapter)).toBe('courses/a-course/02-going-further/01-next-steps.md');
    const { site } = await loadFiles(await filesOf(dir));
    expect(site.courses[0]!.parts.map((p) => [p.title, p.chapters.map((c) => c.title)])).toEqual([
      ['The basics', ['First chapter']],
      ['Going Further', ['Next steps']],
    ]);
  });

  it('adds a chapter to the last part when no part is named', async () => {
    const dir = await folder(partedFiles());
    const chapter = await newChapter(dir, 'a-course', 'Second');
    expect(path.relative(dir, chapter)).toBe('courses/a-course/01-basics/02-second.md');
  });

  it('refuses a chapter slug taken in another part', async () => {
    const dir = await folder(partedFiles());
    await newPart(dir, 'a-course', 'Later');
    await expect(newChapter(dir, 'a-course', 'First', '02-later')).rejects.toThrow(
      'A chapter of a-course already has the slug "first" (chapter 1): choose another title',
    );
  });

  it('names the part it cannot find, and the one that was meant', async () => {
    await expect(newChapter(await folder(partedFiles()), 'a-course', 'X', 'basic')).rejects.toThrow(
      'No part "basic" in a-course; did you mean "01-basics"?',
    );
  });

  it('refuses a part in a course whose chapters sit beside course.md', async () => {
    await expect(newPart(await folder(), 'a-course', 'Basics')).rejects.toThrow(
      /^a-course has chapters beside course\.md, and a course has either chapters or parts: move them into a part folder first \(e\.g\. .*\/01-basics\/\), then add parts$/,
    );
  });

  it('refuses a part folder named for a course without parts', async () => {
    await expect(newChapter(await folder(), 'a-course', 'X', 'basics')).rejects.toThrow(
      'a-course has no parts: leave out "basics" to add the chapter beside course.md, or create the part first with npm run new -- part a-course "Part title"',
    );
  });
});
