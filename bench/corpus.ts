import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chapterUrl } from '../src/content/urls.js';
import { toSlug } from '../src/content/file-names.js';
import {
  chapterMarkdown,
  courseMarkdown,
  planChapter,
  type ChapterPlan,
} from './chapter-markdown.js';
import { title } from './prose.js';
import { seededRandom } from './random.js';

export interface Corpus {
  readonly dir: string;
  readonly chapters: number;
  readonly courses: number;
  /** Chapter files, relative to the content folder, in course order. */
  readonly chapterFiles: readonly string[];
  /** A chapter in the middle of the site: the page the load tests ask for. */
  readonly sampleChapterUrl: string;
  /** Average words per chapter, front-matter included. */
  readonly wordsPerChapter: number;
  readonly bytes: number;
}

const SITE_YAML = `title: Bench Academy
description: Thousands of generated chapters that measure how Lectern scales with content.
language: en
organization:
  name: Bench Org
  url: https://org.example
defaultCta: diploma
ctas:
  diploma:
    title: Ever considered a diploma?
    points: [Funded training, Flexible start date, Individual mentoring]
    link:
      text: Find the programme that suits you
      href: https://org.example/paths
`;

/** Writes files a few hundred at a time: thousands at once would exhaust file descriptors. */
async function writeAll(files: readonly [string, string][]): Promise<void> {
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files.slice(start, start + 256).map(async ([file, text]) => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
      }),
    );
  }
}

/**
 * A valid content folder of `chapters` chapters in courses of `perCourse`, the same for a given
 * seed on every machine (the course count is rounded up; the last course may be shorter).
 */
export async function generateCorpus(
  dir: string,
  options: { chapters: number; perCourse?: number; seed?: number },
): Promise<Corpus> {
  const random = seededRandom(options.seed ?? 20_241_129);
  const perCourse = options.perCourse ?? 20;
  const courseCount = Math.ceil(options.chapters / perCourse);
  const files: [string, string][] = [[path.join(dir, 'site.yaml'), SITE_YAML]];
  const chapterFiles: string[] = [];
  const urls: string[] = [];
  let words = 0;
  for (let course = 0; course < courseCount; course++) {
    const courseTitle = `${title(random, 3)} ${course + 1}`;
    const courseSlug = toSlug(courseTitle);
    const count = Math.min(perCourse, options.chapters - course * perCourse);
    const slugs = new Set<string>();
    const plans: ChapterPlan[] = Array.from({ length: count }, (_, i) =>
      planChapter(random, i + 1, slugs),
    );
    const folder = path.join(dir, 'courses', courseSlug);
    files.push([path.join(folder, 'course.md'), courseMarkdown(random, courseTitle, plans)]);
    for (const plan of plans) {
      const text = chapterMarkdown(random, plan, plans);
      words += text.split(/\s+/).length;
      files.push([path.join(folder, plan.fileName), text]);
      chapterFiles.push(`courses/${courseSlug}/${plan.fileName}`);
      urls.push(chapterUrl(courseSlug, plan.slug));
    }
  }
  await writeAll(files);
  return {
    dir,
    chapters: chapterFiles.length,
    courses: courseCount,
    chapterFiles,
    sampleChapterUrl: urls[Math.floor(urls.length / 2)] ?? '/',
    wordsPerChapter: Math.round(words / chapterFiles.length),
    bytes: files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0),
  };
}
