import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, loadSite } from '../../src/build-site.js';
import {
  CHAPTER_MD,
  COURSE_MD,
  contentFolder,
  SITE_YAML,
  validFiles,
} from '../support/content-fixture.js';
import { ROOT, SITE_URL } from '../support/fixture-site.js';
import { decodeEntities, jsonLdOf, linksIn, metaContent, textOf } from '../support/html.js';
import { loadFiles, problemsOf } from '../support/load.js';
import { within } from '../support/within.js';

const CHAPTER_FILE = 'courses/a-course/01-first.md';

function withChapter(chapter: string | Buffer) {
  return { ...validFiles(), [CHAPTER_FILE]: chapter };
}

function chapterWithBody(body: string) {
  return withChapter(CHAPTER_MD.replace('## Section one\n\nSome text.\n', body));
}

describe('front-matter that tries to run code', () => {
  it.each(['js', 'javascript', 'JS', 'Javascript', 'coffee', 'json'])(
    'refuses ---%s without running it',
    async (language) => {
      const marker = `__lecternRan_${language}`;
      const problems = await problemsOf(
        withChapter(`---${language}\n{ title: (globalThis.${marker} = 'ran') }\n---\nBody\n`),
      );
      expect(problems).toEqual([
        `content/${CHAPTER_FILE}:1:4  front-matter  Front-matter must be YAML; "---${language}" is not accepted (code in content is never run)`,
      ]);
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    },
  );

  it.each([
    [
      '!!js/function',
      'title: !!js/function "function () { return 1 }"',
      'tag:yaml.org,2002:js/function',
    ],
    ['!!js/regexp', 'title: !!js/regexp /x/', 'tag:yaml.org,2002:js/regexp'],
    [
      '!!python/object',
      'title: !!python/object:os.system ["ls"]',
      'tag:yaml.org,2002:python/object:os.system',
    ],
    ['!!binary', 'title: !!binary aGVsbG8=', 'tag:yaml.org,2002:binary'],
    ['!!timestamp', 'title: !!timestamp 2024-01-01', 'tag:yaml.org,2002:timestamp'],
    ['a custom !foo', 'title: !foo bar', '!foo'],
  ])('refuses the YAML tag %s', async (_name, line, tag) => {
    expect(await problemsOf(withChapter(`---\n${line}\n---\nBody\n`))).toEqual([
      `content/${CHAPTER_FILE}:2:8  yaml  YAML tags are not allowed in front-matter (${tag})`,
    ]);
  });
});

describe('front-matter that tries to exhaust the loader', () => {
  it('refuses an alias bomb quickly, before expanding it', async () => {
    const levels = 'abcdefghij'.split('');
    const bomb = levels
      .map((name, i) =>
        i === 0
          ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
          : `${name}: &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(',')}]`,
      )
      .join('\n');
    const problems = await within(10_000, () =>
      problemsOf(withChapter(`---\n${bomb}\ntitle: Bomb\n---\nBody\n`)),
    );
    expect(problems).toEqual([
      `content/${CHAPTER_FILE}:1:1  front-matter  Too many YAML aliases (more than 50): content is not the place for them`,
    ]);
  });

  it('refuses a key given twice', async () => {
    expect(
      await problemsOf(withChapter('---\ntitle: One\ndescription: x\ntitle: Two\n---\nBody\n')),
    ).toEqual([
      `content/${CHAPTER_FILE}:4:1  yaml  This key appears twice: each field may be given once`,
    ]);
  });
});

describe('files an editor might save', () => {
  it('accepts a BOM and Windows line endings, with line numbers unchanged', async () => {
    const crlf =
      '\uFEFF' + CHAPTER_MD.replace('Some text.', '[x](#nowhere)').replace(/\n/g, '\r\n');
    expect(await problemsOf(withChapter(crlf))).toEqual([
      `content/${CHAPTER_FILE}:7:5  link  Link to a section that does not exist: "#nowhere" (courses/a-course/01-first.md has #section-one)`,
    ]);
  });

  it('refuses invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: Caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n---\nBody\n'),
    ]);
    expect(await problemsOf(withChapter(bytes))).toEqual([
      `content/${CHAPTER_FILE}:1:1  file  The file is not valid UTF-8 text: save it as UTF-8`,
    ]);
  });

  it('refuses a NUL byte, saying where it is', async () => {
    expect(await problemsOf(withChapter('---\ntitle: A\x00B\n---\nBody\n'))).toEqual([
      `content/${CHAPTER_FILE}:2:9  file  The file contains a NUL character: is it really text?`,
    ]);
  });

  it('refuses a 5 MB chapter quickly, with a clear message', async () => {
    const huge = CHAPTER_MD + 'word '.repeat(1024 * 1024);
    const problems = await within(10_000, () => problemsOf(withChapter(huge)));
    expect(problems).toEqual([
      `content/${CHAPTER_FILE}:1:1  file  The file is 5120 KB; text files are limited to 1024 KB`,
    ]);
  });

  it('does not follow a folder symlink out of the content folder', async () => {
    const folder = await contentFolder(validFiles());
    try {
      const outside = path.join(folder.root, 'outside');
      await mkdir(outside);
      await writeFile(path.join(outside, 'course.md'), COURSE_MD);
      await writeFile(path.join(outside, '01-secret.md'), CHAPTER_MD);
      await symlink(outside, path.join(folder.dir, 'courses/stolen'));
      await expect(loadSite({ contentDir: folder.dir })).rejects.toThrow(
        'content/courses/stolen:1:1  file  Links outside the content folder are not followed',
      );
    } finally {
      await folder.cleanup();
    }
  });
});

describe('pathological Markdown', () => {
  it.each([
    ['50,000 nested block quotes', '>'.repeat(50_000) + ' deep\n'],
    ['100,000 asterisks', '*'.repeat(100_000) + '\n'],
    ['50,000 unclosed emphasis openers', '*a '.repeat(50_000) + '\n'],
    ['50,000 unclosed link brackets', '['.repeat(50_000) + '\n'],
    ['5,000 nested lists on one line', '- '.repeat(5_000) + 'item\n'],
    [
      '700 nested list levels',
      Array.from({ length: 700 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n') + '\n',
    ],
    ['a 1 MB single line', 'x'.repeat(1000 * 1000) + '\n'],
  ])('renders %s in bounded time, without a crash', async (_name, body) => {
    const loaded = await within(10_000, () => loadFiles(chapterWithBody(body)));
    expect(loaded.site.courses[0]!.chapters[0]!.html.length).toBeGreaterThan(0);
  });
});

const XSS = `</title><script>alert(1)</script> "><img src=x onerror=alert(1)> </script>`;
// Single-quoted YAML keeps every character of the payload as it is.
const yamlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function buildHostileSite() {
  const folder = await contentFolder({
    'site.yaml': SITE_YAML.replace('title: Test Academy', `title: ${yamlText(`Academy ${XSS}`)}`),
    'courses/a-course/course.md': COURSE_MD.replace(
      'title: A course',
      `title: ${yamlText(`Course ${XSS}`)}`,
    ).replace(
      /^description: .*$/m,
      `description: ${yamlText(`A course description long enough to pass, with ${XSS}`)}`,
    ),
    'courses/a-course/01-first.md': CHAPTER_MD.replace(
      'title: First chapter',
      `title: ${yamlText(`First ${XSS}`)}`,
    ).replace(
      /^description: .*$/m,
      `description: ${yamlText(`A chapter description long enough to pass, with ${XSS}`)}`,
    ),
    'courses/a-course/02-second.md': CHAPTER_MD.replace(
      'title: First chapter',
      `title: ${yamlText(`Second ${XSS}`)}`,
    ),
  });
  try {
    return await buildSite({
      contentDir: folder.dir,
      viewsDir: path.join(ROOT, 'views'),
      publicDir: path.join(ROOT, 'public'),
      siteUrl: SITE_URL,
      fallbackSiteUrl: 'http://localhost',
      displayRoot: folder.root,
    });
  } finally {
    await folder.cleanup();
  }
}

describe('titles and descriptions that try to break out of their place', () => {
  it('are escaped on every page, in every place they appear', async () => {
    const { rendered } = await buildHostileSite();
    const html = (url: string) => rendered.responses.get(url)!.identity.body.toString('utf8');
    const pages = {
      catalog: html('/'),
      course: html('/courses/a-course/'),
      chapter: html('/courses/a-course/first/'),
      second: html('/courses/a-course/second/'),
      notFound: rendered.statusPages.get('/404.html')!.identity.body.toString('utf8'),
      error: rendered.statusPages.get('/500.html')!.identity.body.toString('utf8'),
    };
    for (const [name, page] of Object.entries(pages)) {
      expect(page, name).not.toContain('<script>alert');
      expect(page, name).not.toContain('<img src=x');
      expect(page, name).not.toContain('</title><script>');
      // Every <script> is one of ours, and closes where it should: JSON-LD cannot be broken out of.
      const opened = page.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of opened)
        expect(tag, name).toMatch(
          /^<script (type="application\/ld\+json"|type="application\/json" id="lectern-text"|src="\/assets\/[^"]+" defer)>$/,
        );
      expect((page.match(/<\/script>/g) ?? []).length, name).toBe(opened.length);
    }

    const { chapter, course, catalog } = pages;
    expect(textOf(chapter, /<title>/, '</title>')).toBe(
      `First ${XSS} - Course ${XSS} - Academy ${XSS}`,
    );
    expect(textOf(chapter, /<h1>/, '</h1>')).toBe(`First ${XSS}`);
    expect(textOf(course, /<h1>/, '</h1>')).toBe(`Course ${XSS}`);
    expect(textOf(catalog, /<h1>/, '</h1>')).toBe(`Academy ${XSS}`);
    expect(
      decodeEntities(/<meta name="description" content="([^"]*)">/.exec(chapter)?.[1] ?? ''),
    ).toBe(`A chapter description long enough to pass, with ${XSS}`);
    expect(metaContent(chapter, 'og:title')).toBe(`First ${XSS} - Course ${XSS}`);
    expect(metaContent(chapter, 'og:description')).toBe(
      `A chapter description long enough to pass, with ${XSS}`,
    );
    expect(metaContent(chapter, 'og:site_name')).toBe(`Academy ${XSS}`);
    expect(metaContent(chapter, 'twitter:title')).toBe(`First ${XSS} - Course ${XSS}`);
    expect(JSON.stringify(jsonLdOf(chapter))).toContain(
      JSON.stringify(`First ${XSS}`).slice(1, -1),
    );
    expect(JSON.stringify(jsonLdOf(course))).toContain(
      JSON.stringify(`Course ${XSS}`).slice(1, -1),
    );
    expect(linksIn(chapter, /<nav class="breadcrumbs"/, '</nav>').map((link) => link.text)).toEqual(
      ['Courses', `Course ${XSS}`],
    );
    expect(linksIn(course, /<ol class="chapter-list"/, '</ol>').map((link) => link.text)).toEqual([
      `1First ${XSS}`,
      `2Second ${XSS}`,
    ]);
    expect(pages.second).toContain(`Previous`);
    expect(decodeEntities(pages.second)).toContain(`First ${XSS}`);
  });
});
