import { describe, expect, it } from 'vitest';
import { CHAPTER_MD, COURSE_MD, SITE_YAML } from '../support/content-fixture.js';
import { loadFiles, problemsOf } from '../support/load.js';

const part = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\n`;
const chapter = (title: string, extra = '') =>
  CHAPTER_MD.replace('title: First chapter', `title: ${title}\n${extra}`.trimEnd());

/** A course in two parts: two chapters, then one. */
function partedFiles(): Record<string, string> {
  return {
    'site.yaml': SITE_YAML,
    'courses/a-course/course.md': COURSE_MD,
    'courses/a-course/01-basics/part.md': part(
      'The basics',
      'description: Where everyone starts.\n',
    ).concat('What this part covers.\n'),
    'courses/a-course/01-basics/01-first.md': chapter('First chapter', 'duration: 20 minutes'),
    'courses/a-course/01-basics/02-second.md': chapter('Second chapter'),
    'courses/a-course/02-going-further/part.md': part('Going further'),
    'courses/a-course/02-going-further/01-third.md': chapter('Third chapter'),
  };
}

function without(files: Record<string, string>, ...names: string[]) {
  const kept = { ...files };
  for (const name of names) delete kept[`courses/a-course/${name}`];
  return kept;
}

describe('a course in parts', () => {
  it('is loaded with its parts in order and every chapter in course order', async () => {
    const { site, warnings } = await loadFiles(partedFiles());
    expect(warnings).toEqual([]);
    const course = site.courses[0]!;
    expect(course.parts.map((p) => [p.position, p.slug, p.title, p.description])).toEqual([
      [1, 'basics', 'The basics', 'Where everyone starts.'],
      [2, 'going-further', 'Going further', undefined],
    ]);
    expect(course.parts[0]!.introHtml).toBe('<p>What this part covers.</p>\n');
    expect(course.chapters.map((c) => [c.title, c.part, c.durationMinutes])).toEqual([
      ['First chapter', 1, 20],
      ['Second chapter', 1, undefined],
      ['Third chapter', 2, undefined],
    ]);
  });

  it('gives a chapter a URL that does not name its part', async () => {
    const { site } = await loadFiles(partedFiles());
    expect(site.courses[0]!.chapters.map((c) => c.url)).toEqual([
      '/courses/a-course/first/',
      '/courses/a-course/second/',
      '/courses/a-course/third/',
    ]);
  });

  it('resolves a link from one part to a chapter of another', async () => {
    const files = partedFiles();
    files['courses/a-course/02-going-further/01-third.md'] = chapter('Third chapter').replace(
      'Some text.',
      'Back to [the start](../01-basics/01-first.md#section-one).',
    );
    const { site } = await loadFiles(files);
    expect(site.courses[0]!.chapters[2]!.html).toContain(
      '<a href="/courses/a-course/first/#section-one">the start</a>',
    );
  });

  it('keeps a course without parts as it was: chapters beside course.md and no part', async () => {
    const { site } = await loadFiles({
      'site.yaml': SITE_YAML,
      'courses/a-course/course.md': COURSE_MD,
      'courses/a-course/01-first.md': CHAPTER_MD,
    });
    expect(site.courses[0]!.parts).toEqual([]);
    expect(site.courses[0]!.chapters.map((c) => c.part)).toEqual([undefined]);
  });
});

describe('the problems of a course in parts', () => {
  it('names a part folder without part.md', async () => {
    expect(await problemsOf(without(partedFiles(), '02-going-further/part.md'))).toEqual([
      "content/courses/a-course/02-going-further/part.md:1:1  file  Missing part.md: every part folder needs one, with at least the part's title",
    ]);
  });

  it('names a part without chapters', async () => {
    expect(await problemsOf(without(partedFiles(), '02-going-further/01-third.md'))).toEqual([
      'content/courses/a-course/02-going-further/part.md:1:1  chapters  The part has no chapter: add a file such as 01-introduction.md beside part.md',
    ]);
  });

  it('names one chapter and one part of a course that mixes the two', async () => {
    const files = { ...partedFiles(), 'courses/a-course/01-intro.md': CHAPTER_MD };
    expect(await problemsOf(files)).toEqual([
      "content/courses/a-course/01-intro.md:1:1  file  The course has both chapters beside course.md (01-intro.md) and parts (01-basics/): a course has one or the other; move 01-intro.md into a part folder, or move the parts' chapters beside course.md",
    ]);
  });

  it('names both files of a chapter slug used in two parts', async () => {
    const files = {
      ...partedFiles(),
      'courses/a-course/02-going-further/02-first.md': chapter('Again'),
    };
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/02-going-further/02-first.md:1:1  file  Chapter slug "first" is also used by courses/a-course/01-basics/01-first.md: two chapters cannot share a URL',
    ]);
  });

  it("refuses a chapter named like the course's certificate page", async () => {
    const files = {
      ...partedFiles(),
      'courses/a-course/02-going-further/02-certificate.md': chapter('Done'),
    };
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/02-going-further/02-certificate.md:1:1  file  The slug "certificate" is the address of the course\'s certificate of achievement: give the chapter another name',
    ]);
  });

  it('refuses a heading in a part, whose text sits under the part title', async () => {
    const files = partedFiles();
    files['courses/a-course/02-going-further/part.md'] =
      part('Going further') + '\nSome words.\n\n## A heading\n';
    expect(await problemsOf(files)).toEqual([
      "content/courses/a-course/02-going-further/part.md:7:1  heading  A part's text sits under the part's title on the course page: write it without headings (paragraphs, lists, callouts), and give headings to its chapters",
    ]);
  });

  it('refuses a quiz in course.md or part.md, but not one shown in a code block', async () => {
    const files = partedFiles();
    files['courses/a-course/01-basics/part.md'] =
      part('The basics') + '::: quiz Check\n1. Q?\n\n   - [x] A\n:::\n';
    files['courses/a-course/course.md'] = COURSE_MD + '\n```md\n::: quiz Shown, not run\n```\n';
    expect(await problemsOf(files)).toEqual([
      "content/courses/a-course/01-basics/part.md:4:1  quiz  A quiz belongs in a chapter: move it into one of the part's chapter files, where learners take it and it counts toward the certificate",
    ]);
  });

  it('warns of chapter numbers that skip in a part', async () => {
    const files = without(partedFiles(), '01-basics/02-second.md');
    files['courses/a-course/01-basics/03-second.md'] = chapter('Second chapter');
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/01-basics/03-second.md:1:1  file  warning: Chapter number 03 comes after 01: is one missing? Number them 01, 02, 03, ... with no gap',
    ]);
  });

  it('warns of part numbers that repeat or do not start at 01', async () => {
    const files: Record<string, string> = {};
    for (const [name, body] of Object.entries(partedFiles()))
      files[name.replace('01-basics', '02-basics')] = body;
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/02-basics/:1:1  file  warning: Part numbers start at 01, and this one is 02: number them 01, 02, 03, ... with no gap',
      'content/courses/a-course/02-going-further/:1:1  file  warning: Part number 02 is also used by courses/a-course/02-basics/: they are put in order by name; give each its own number',
    ]);
  });

  it('names a part folder whose name is not NN-slug', async () => {
    const files: Record<string, string> = {};
    for (const [name, body] of Object.entries(partedFiles()))
      files[name.replace('02-going-further', 'Going Further')] = body;
    expect(await problemsOf(files)).toEqual([
      'content/courses/a-course/Going Further/:1:1  file  Part folders are named NN-slug (two digits, then lowercase words joined by hyphens), e.g. "NN-going-further"',
    ]);
  });

  it('warns when the chapters take longer than the course says', async () => {
    const files = partedFiles();
    files['courses/a-course/02-going-further/01-third.md'] = chapter(
      'Third chapter',
      'duration: 4 hours',
    );
    expect(await problemsOf(files)).toEqual([
      "content/courses/a-course/course.md:4:11  duration  warning: The chapters' durations add up to 4 hours 20 minutes, more than the course's 4 hours: raise the course's duration or lower the chapters'",
    ]);
  });
});

describe("a course's objectives and image", () => {
  const withCourse = (extra: string, files: Record<string, string> = {}) =>
    problemsOf({
      ...partedFiles(),
      'courses/a-course/course.md': COURSE_MD.replace(
        'updated: 2024-03-21',
        `updated: 2024-03-21\n${extra}`,
      ),
      ...files,
    });

  it('loads the objectives and the image of a course', async () => {
    const { site } = await loadFiles({
      ...partedFiles(),
      'courses/a-course/course.md': COURSE_MD.replace(
        'updated: 2024-03-21',
        'updated: 2024-03-21\nobjectives:\n  - Name the four principles.\nimage:\n  src: images/cover.svg\n  alt: Four arrows',
      ),
      'courses/a-course/images/cover.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>',
    });
    const course = site.courses[0]!;
    expect(course.objectives).toEqual(['Name the four principles.']);
    expect(course.image).toMatchObject({ alt: 'Four arrows', width: 40, height: 20 });
    expect(course.image?.url).toMatch(
      /^\/assets\/content\/courses\/a-course\/images\/cover\.[0-9a-f]{10}\.svg$/,
    );
  });

  it('names a course image that does not exist', async () => {
    expect(await withCourse('image:\n  src: images/missing.png\n  alt: A cover')).toEqual([
      'content/courses/a-course/course.md:9:8  image.src  Image not found: "images/missing.png" (paths are relative to the course folder, e.g. images/cover.png)',
    ]);
  });

  it('names a course image without alt text', async () => {
    expect(await withCourse('image:\n  src: images/cover.svg')).toEqual([
      'content/courses/a-course/course.md:8:1  image.alt  Missing: expected the image description (alt text) as text',
    ]);
  });

  it('names an objective that is not text', async () => {
    expect(await withCourse('objectives:\n  - ""')).toEqual([
      'content/courses/a-course/course.md:9:5  objectives.0  Expected an objective, got an empty value',
    ]);
  });
});
