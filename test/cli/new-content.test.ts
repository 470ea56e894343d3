import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newChapter, newCourse } from '../../src/cli/new-content.js';
import { contentFolder, validFiles } from '../support/content-fixture.js';
import { loadFiles } from '../support/load.js';
import { readdir } from 'node:fs/promises';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder() {
  const created = await contentFolder(validFiles());
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
