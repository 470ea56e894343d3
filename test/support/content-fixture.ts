import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SITE_YAML = `title: Test Academy
description: A site for tests.
organization:
  name: Test Org
  url: https://org.example
defaultCta: diploma
ctas:
  diploma:
    title: Get a diploma
    points: [Funded, Flexible]
    link:
      text: Find a programme
      href: https://org.example/paths
`;

export const COURSE_MD = `---
title: A course
description: A course that exists for the tests and nothing else.
duration: 4 hours
difficulty: medium
free: true
updated: 2024-03-21
---
The introduction.
`;

export const CHAPTER_MD = `---
title: First chapter
description: The first chapter of the test course, with a heading.
---
## Section one

Some text.
`;

/** A valid site, to which a test adds or replaces files. */
export function validFiles(): Record<string, string> {
  return {
    'site.yaml': SITE_YAML,
    'courses/a-course/course.md': COURSE_MD,
    'courses/a-course/01-first.md': CHAPTER_MD,
  };
}

/** Writes files into a fresh temporary content folder; returns its path and a cleanup. */
export async function contentFolder(files: Record<string, string | Buffer>) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lectern-test-'));
  const dir = path.join(root, 'content');
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  await mkdir(dir, { recursive: true });
  return { dir, root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
