import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build-site.js';
import { CHAPTER_MD, COURSE_MD, contentFolder, validFiles } from '../support/content-fixture.js';
import { loadFiles, problemsOf } from '../support/load.js';

function withCourse(course: string) {
  return { ...validFiles(), 'courses/a-course/course.md': course };
}

function withChapter(chapter: string, name = '01-first.md') {
  const files = validFiles();
  delete files['courses/a-course/01-first.md'];
  return { ...files, [`courses/a-course/${name}`]: chapter };
}

describe('loadSite with valid content', () => {
  it('builds the course model from the files', async () => {
    const { site, warnings } = await loadFiles(validFiles());
    expect(warnings).toEqual([]);
    const course = site.courses[0]!;
    expect(course).toMatchObject({
      slug: 'a-course',
      url: '/courses/a-course/',
      title: 'A course',
      durationMinutes: 240,
      difficulty: 'medium',
      free: true,
      updated: { iso: '2024-03-21' },
      cta: { name: 'diploma', title: 'Get a diploma', points: ['Funded', 'Flexible'] },
    });
    expect(course.chapters.map((c) => [c.number, c.slug, c.url, c.updated.iso])).toEqual([
      [1, 'first', '/courses/a-course/first/', '2024-03-21'],
    ]);
    expect(course.chapters[0]!.html).toContain('<h2 id="section-one">Section one</h2>');
  });

  it('freezes the model so that nothing can change a loaded site', async () => {
    const { site } = await loadFiles(validFiles());
    expect(Object.isFrozen(site.courses[0]!.chapters)).toBe(true);
    expect(() => {
      (site.courses[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('orders chapters by their number, not by their name', async () => {
    const { site } = await loadFiles({
      ...validFiles(),
      'courses/a-course/10-last.md': CHAPTER_MD.replace('First chapter', 'Last'),
      'courses/a-course/02-second.md': CHAPTER_MD.replace('First chapter', 'Second'),
    });
    expect(site.courses[0]!.chapters.map((c) => c.title)).toEqual([
      'First chapter',
      'Second',
      'Last',
    ]);
  });

  it('accepts a BOM and Windows line endings', async () => {
    const { site } = await loadFiles(withChapter('\uFEFF' + CHAPTER_MD.replace(/\n/g, '\r\n')));
    expect(site.courses[0]!.chapters[0]!.title).toBe('First chapter');
  });

  it('rewrites links to other chapters and images to their public URLs', async () => {
    const { site } = await loadFiles({
      ...validFiles(),
      'courses/a-course/02-second.md': CHAPTER_MD.replace(
        'Some text.',
        'See [the first](01-first.md#section-one).\n\n![A square](images/square.svg "A caption")',
      ),
      'courses/a-course/images/square.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
    });
    const html = site.courses[0]!.chapters[1]!.html;
    expect(html).toContain('<a href="/courses/a-course/first/#section-one">the first</a>');
    expect(html).toMatch(
      /<figure><img src="\/assets\/content\/courses\/a-course\/images\/square\.[0-9a-f]{10}\.svg" alt="A square" width="10" height="10"/,
    );
    expect(html).toContain('<figcaption>A caption</figcaption>');
  });
});

describe('loadSite reports every problem with file:line:col, field and fix', () => {
  it('names the line of a YAML syntax error', async () => {
    expect(await problemsOf(withChapter('---\ntitle: First\ndescription: [unclosed\n---\nBody\n')))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:3:23  yaml  Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it('suggests the intended key for an unknown one', async () => {
    expect(await problemsOf(withChapter(CHAPTER_MD.replace('title:', 'tittle:'))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:1  title  Missing: expected the chapter title as text",
        "content/courses/a-course/01-first.md:2:1  tittle  Unknown field "tittle"; did you mean "title"?",
      ]
    `);
  });

  it('suggests the intended value for a typo in an enum', async () => {
    expect(
      await problemsOf(withCourse(COURSE_MD.replace('difficulty: medium', 'difficulty: meduim'))),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:5:13  difficulty  Expected one of "easy", "medium", "hard", got "meduim"; did you mean "medium"?",
      ]
    `);
  });

  it('says which type was expected', async () => {
    expect(await problemsOf(withCourse(COURSE_MD.replace('free: true', 'free: "yes please"'))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:6:7  free  Expected true or false (is the content free?), got "yes please"",
      ]
    `);
  });

  it('explains the expected date format', async () => {
    expect(
      await problemsOf(withCourse(COURSE_MD.replace('updated: 2024-03-21', 'updated: 21/03/2024'))),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:7:10  updated  Expected the date of the last update as YYYY-MM-DD, e.g. 2024-03-21, got "21/03/2024"",
      ]
    `);
  });

  it('explains the expected duration format', async () => {
    expect(
      await problemsOf(withCourse(COURSE_MD.replace('duration: 4 hours', 'duration: a while'))),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:4:11  duration  Expected a duration such as "4 hours", "90 minutes" or "1h30", got "a while"",
      ]
    `);
  });

  it('reports a missing title', async () => {
    expect(await problemsOf(withChapter(CHAPTER_MD.replace('title: First chapter\n', ''))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:1  title  Missing: expected the chapter title as text",
      ]
    `);
  });

  it('warns of two chapters with the same number', async () => {
    expect(await problemsOf({ ...validFiles(), 'courses/a-course/01-other.md': CHAPTER_MD }))
      .toMatchInlineSnapshot(`
        [
          "content/courses/a-course/01-other.md:1:1  file  warning: Chapter number 01 is also used by courses/a-course/01-first.md: they are put in order by name; give each its own number",
        ]
      `);
  });

  it('reports two chapters with the same slug', async () => {
    expect(await problemsOf({ ...validFiles(), 'courses/a-course/02-first.md': CHAPTER_MD }))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/02-first.md:1:1  file  Chapter slug "first" is also used by courses/a-course/01-first.md: two chapters cannot share a URL",
      ]
    `);
  });

  it('reports a link to a chapter that does not exist', async () => {
    expect(
      await problemsOf(
        withChapter(CHAPTER_MD.replace('Some text.', 'Read [the next one](02-next.md).')),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:7:21  link  Link to a page that does not exist: "02-next.md"",
      ]
    `);
  });

  it('reports a link to a section that does not exist', async () => {
    expect(
      await problemsOf(
        withChapter(CHAPTER_MD.replace('Some text.', 'Back to [the top](#section-two).')),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:7:19  link  Link to a section that does not exist: "#section-two" (courses/a-course/01-first.md has #section-one)",
      ]
    `);
  });

  it('reports an image that does not exist', async () => {
    expect(
      await problemsOf(
        withChapter(CHAPTER_MD.replace('Some text.', 'Look:\n\n![A chart](images/chart.png)')),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:9:12  image  Image not found: "images/chart.png" (paths are relative to this file)",
      ]
    `);
  });

  it('reports an image without alt text', async () => {
    expect(
      await problemsOf({
        ...withChapter(CHAPTER_MD.replace('Some text.', '![](images/dot.svg)')),
        'courses/a-course/images/dot.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>',
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:7:5  image  Image without alt text: describe what "images/dot.svg" shows, as in ![A diagram of …](images/dot.svg)",
      ]
    `);
  });

  it('refuses JavaScript front-matter without running it', async () => {
    const marker = '__lecternFrontMatterRan';
    const problems = await problemsOf(
      withChapter(`---js\n{ title: (globalThis.${marker} = 'ran') }\n---\nBody\n`),
    );
    expect(problems).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:4  front-matter  Front-matter must be YAML; "---js" is not accepted (code in content is never run)",
      ]
    `);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('reports an empty file', async () => {
    expect(await problemsOf(withChapter(''))).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:1  front-matter  The file is empty: start it with front-matter (title, description) between two lines of ---",
      ]
    `);
  });

  it('reports a chapter with front-matter and no content', async () => {
    expect(await problemsOf(withChapter('---\ntitle: First\n---\n\n'))).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:4:1  body  The chapter is empty: write its content below the front-matter",
      ]
    `);
  });

  it('reports a file name that does not follow the naming rule', async () => {
    expect(await problemsOf({ ...validFiles(), 'courses/a-course/Second Chapter.md': CHAPTER_MD }))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/Second Chapter.md:1:1  file  Chapter files are named NN-slug.md (two digits, then lowercase words joined by hyphens), e.g. "NN-second-chapter.md"",
      ]
    `);
  });

  it('reports a course with no chapter', async () => {
    expect(await problemsOf(withChapter(CHAPTER_MD, 'notes.txt'))).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:1:1  chapters  The course has no chapter: add a file such as 01-introduction.md beside course.md",
      ]
    `);
  });

  it('refuses duplicate keys, YAML tags and alias bombs', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefg'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
    ].join('\n');
    expect(await problemsOf(withChapter('---\ntitle: One\ntitle: Two\n---\nBody\n')))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:3:1  yaml  This key appears twice: each field may be given once",
      ]
    `);
    expect(await problemsOf(withChapter('---\ntitle: !!js/function "function () {}"\n---\nBody\n')))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:2:8  yaml  YAML tags are not allowed in front-matter (tag:yaml.org,2002:js/function)",
      ]
    `);
    expect(await problemsOf(withChapter(`---\n${bomb}\ntitle: Bomb\n---\nBody\n`)))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:1  front-matter  Too many YAML aliases (more than 50): content is not the place for them",
      ]
    `);
  });

  it('refuses text that is not UTF-8 or holds a NUL byte', async () => {
    expect(
      await problemsOf(
        withChapter(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) as unknown as string),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:1:1  file  The file is not valid UTF-8 text: save it as UTF-8",
      ]
    `);
    expect(await problemsOf(withChapter(CHAPTER_MD.replace('Some text.', 'Some\0text.'))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:7:5  file  The file contains a NUL character: is it really text?",
      ]
    `);
  });

  it('reports a call to action that site.yaml does not define', async () => {
    expect(
      await problemsOf(withCourse(COURSE_MD.replace('free: true', 'free: true\ncta: diplome'))),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/course.md:7:6  cta  No call to action named "diplome" in site.yaml; did you mean "diploma"?",
      ]
    `);
  });

  it('collects the problems of every file at once', async () => {
    const problems = await problemsOf({
      ...withCourse(COURSE_MD.replace('difficulty: medium', 'difficulty: hardest')),
      'courses/a-course/02-second.md': CHAPTER_MD.replace('title:', 'titel:'),
      'courses/a-course/03-third.md': CHAPTER_MD.replace('Some text.', '[x](99-none.md)'),
    });
    expect(problems).toHaveLength(3);
  });

  it('does not follow a symlink out of the content folder', async () => {
    const folder = await contentFolder(validFiles());
    try {
      await writeFile(path.join(folder.root, 'secret.md'), CHAPTER_MD);
      await symlink(
        path.join(folder.root, 'secret.md'),
        path.join(folder.dir, 'courses/a-course/02-secret.md'),
      );
      await expect(loadSite({ contentDir: folder.dir })).rejects.toThrow(
        'content/courses/a-course/02-secret.md:1:1  file  Links outside the content folder are not followed',
      );
    } finally {
      await folder.cleanup();
    }
  });
});

describe('loadSite warnings', () => {
  it('warns of a skipped heading level without failing', async () => {
    expect(await problemsOf(withChapter(CHAPTER_MD.replace('Some text.', '#### Too deep'))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:7:1  heading  warning: Heading level skipped: h4 follows h2; use ###",
      ]
    `);
  });
});

describe('loadSite locates the cause, not the symptom', () => {
  it('points at the line where an unclosed quote opens', async () => {
    expect(
      await problemsOf(
        withChapter(
          '---\ntitle: "First chapter\ndescription: The first chapter of the test course, with a heading.\n---\nBody\n',
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:2:8  yaml  This quoted value is never closed: add the closing quote",
      ]
    `);
  });

  it('says when the first section of a chapter skips a level', async () => {
    expect(await problemsOf(withChapter(CHAPTER_MD.replace('## Section one', '#### Section one'))))
      .toMatchInlineSnapshot(`
      [
        "content/courses/a-course/01-first.md:5:1  heading  warning: Heading level skipped: the first section is h4; start sections with ##",
      ]
    `);
  });
});
