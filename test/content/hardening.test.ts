import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/content-problem.js';
import {
  CHAPTER_MD,
  COURSE_MD,
  contentFolder,
  SITE_YAML,
  validFiles,
} from '../support/content-fixture.js';
import { loadFiles, problemsOf } from '../support/load.js';
import { within } from '../support/within.js';
import { loadSite } from '../../src/build-site.js';

const COURSE_FILE = 'courses/a-course/course.md';
const CHAPTER_FILE = 'courses/a-course/01-first.md';

describe('a content folder with looping symlinks', () => {
  it('loads within seconds and names the link that loops', async () => {
    const folder = await contentFolder(validFiles());
    try {
      const images = path.join(folder.dir, 'courses/a-course/images');
      await mkdir(images, { recursive: true });
      await symlink('.', path.join(images, 'a'));
      await symlink('.', path.join(images, 'b'));
      const problems = await within(10_000, () =>
        loadSite({ contentDir: folder.dir }).then(
          () => [],
          (error: { problems: Parameters<typeof formatProblem>[0][] }) =>
            error.problems.map(formatProblem),
        ),
      );
      expect(problems).toEqual([
        'content/courses/a-course/images/a:1:1  file  This link loops back to "courses/a-course/images", which is already read: remove it',
        'content/courses/a-course/images/b:1:1  file  This link loops back to "courses/a-course/images", which is already read: remove it',
      ]);
    } finally {
      await folder.cleanup();
    }
  });
});

describe('site.yaml URLs', () => {
  it('refuses a url with a line break, which would write into robots.txt', async () => {
    const site = SITE_YAML.replace(
      'title: Test Academy',
      'title: Test Academy\nurl: "https://x\\nUser-agent: *\\nDisallow: /"',
    );
    expect(await problemsOf({ ...validFiles(), 'site.yaml': site })).toEqual([
      'content/site.yaml:2:6  url  Expected the public base URL as an absolute http(s) URL without spaces or control characters, e.g. "https://example.com"',
    ]);
  });

  it('keeps the origin and the path of a url, not its query or fragment', async () => {
    const site = SITE_YAML.replace(
      'title: Test Academy',
      'title: Test Academy\nurl: https://Courses.Example.com/learn/?utm=x#top',
    );
    const { site: loaded } = await loadFiles({ ...validFiles(), 'site.yaml': site });
    expect(loaded.url).toBe('https://courses.example.com/learn');
  });

  it('refuses a call to action to /\\evil.example, which browsers read as another host', async () => {
    const site = SITE_YAML.replace('href: https://org.example/paths', 'href: /\\evil.example');
    expect(await problemsOf({ ...validFiles(), 'site.yaml': site })).toEqual([
      'content/site.yaml:13:13  ctas.diploma.link.href  Expected the link target as an absolute http(s) URL or a path of this site starting with / (not // or /\\)',
    ]);
  });
});

describe('messages printed to a terminal', () => {
  it('show control characters from content as \\xNN, never raw', async () => {
    const chapter = CHAPTER_MD.replace(
      'title: First chapter',
      'title: First chapter\n"\x1b[2J": 1',
    );
    const [line] = await problemsOf({ ...validFiles(), [CHAPTER_FILE]: chapter });
    expect(line).toBe(
      'content/courses/a-course/01-first.md:3:1  \\x1B[2J  Unknown field "\\x1B[2J"; expected one of: title, description, updated, duration, translationKey',
    );
    expect([...(line ?? '')].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
  });
});

describe('huge or deeply nested front-matter', () => {
  const nested = (depth: number) =>
    CHAPTER_MD.replace(
      'title: First chapter',
      `title: First chapter\ndescription: ${'['.repeat(depth)}`,
    );

  it('is refused at once when it is huge, without parsing it', async () => {
    const problems = await within(5_000, () =>
      problemsOf({ ...validFiles(), [CHAPTER_FILE]: nested(500_000) }),
    );
    expect(problems).toEqual([
      'content/courses/a-course/01-first.md:1:1  front-matter  The YAML is 488 KB; front-matter is limited to 64 KB',
    ]);
  });

  it('is refused where it nests too deep', async () => {
    expect(await problemsOf({ ...validFiles(), [CHAPTER_FILE]: nested(40) })).toEqual([
      'content/courses/a-course/01-first.md:3:46  front-matter  The YAML nests deeper than 32 levels here: front-matter fields are a few levels at most',
    ]);
  });
});

describe('durations', () => {
  it.each([['99999999999999999999999999999999999999 hours'], ['1001 hours']])(
    'refuses %s, with the bound',
    async (duration) => {
      const course = COURSE_MD.replace('duration: 4 hours', `duration: ${duration}`);
      expect(await problemsOf({ ...validFiles(), [COURSE_FILE]: course })).toEqual([
        `content/courses/a-course/course.md:4:11  duration  Expected a duration of at most 1000 hours, got "${duration}"`,
      ]);
    },
  );

  it('accepts a long but sane course', async () => {
    const course = COURSE_MD.replace('duration: 4 hours', 'duration: 1000 hours');
    const { site } = await loadFiles({ ...validFiles(), [COURSE_FILE]: course });
    expect(site.courses[0]?.durationMinutes).toBe(60_000);
  });
});

describe('front-matter fences', () => {
  it('refuses a line that starts with --- but goes on, at its line', async () => {
    const chapter =
      '---\ntitle: First chapter\n---junk: 1\ndescription: moved into the body\n---\nBody\n';
    expect(await problemsOf({ ...validFiles(), [CHAPTER_FILE]: chapter })).toEqual([
      'content/courses/a-course/01-first.md:3:4  front-matter  A front-matter fence is a line of only ---; this line continues after it ("---junk: 1")',
    ]);
  });
});

describe('heading ids', () => {
  it.each(['Main', 'CTA title', 'Outline title', 'Contents title'])(
    'never take an id the page gives its own elements: %s',
    async (heading) => {
      const chapter = CHAPTER_MD.replace('## Section one', `## ${heading}`);
      const { site } = await loadFiles({ ...validFiles(), [CHAPTER_FILE]: chapter });
      const id = site.courses[0]?.chapters[0]?.headings[0]?.id ?? '';
      expect(id).toMatch(/^section-/);
    },
  );
});
