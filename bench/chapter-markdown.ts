import { toSlug } from '../src/content/file-names.js';
import { slugify } from '../src/markdown/slugify.js';
import { description, sentences, title, word } from './prose.js';
import type { Random } from './random.js';

export interface SectionPlan {
  readonly title: string;
  readonly id: string;
  readonly subsection: { readonly title: string; readonly id: string } | undefined;
}

/** What other chapters need to know of a chapter before its text exists: its file and anchors. */
export interface ChapterPlan {
  readonly number: number;
  readonly slug: string;
  readonly fileName: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly SectionPlan[];
}

const SECTIONS = 5;

function uniqueHeading(random: Random, taken: Set<string>): { title: string; id: string } {
  for (;;) {
    const text = title(random, random.int(2, 4));
    const id = slugify(text);
    if (!taken.has(id)) {
      taken.add(id);
      return { title: text, id };
    }
  }
}

export function planChapter(random: Random, number: number, slugsTaken: Set<string>): ChapterPlan {
  let chapterTitle = title(random, random.int(2, 4));
  while (slugsTaken.has(toSlug(chapterTitle))) chapterTitle = title(random, random.int(2, 4));
  const slug = toSlug(chapterTitle);
  slugsTaken.add(slug);
  const ids = new Set<string>();
  const sections = Array.from({ length: SECTIONS }, (_, index) => ({
    ...uniqueHeading(random, ids),
    // The last section is a short summary without a subsection.
    subsection: index < SECTIONS - 1 ? uniqueHeading(random, ids) : undefined,
  }));
  return {
    number,
    slug,
    fileName: `${String(number).padStart(2, '0')}-${slug}.md`,
    title: chapterTitle,
    description: description(random),
    sections,
  };
}

/** A paragraph of about `words` words with some inline Markdown: emphasis, strong, code. */
function paragraph(random: Random, words: number): string {
  const parts = sentences(random, words);
  const at = random.int(0, parts.length - 1);
  parts[at] =
    `${parts[at]} Keep the _${word(random)}_ and the **${word(random)}** apart, and name the \`${word(random)}Count\` value.`;
  return parts.join(' ');
}

function list(random: Random, ordered: boolean, items: number, link?: string): string {
  return Array.from({ length: items }, (_, index) => {
    const marker = ordered ? `${index + 1}.` : '-';
    const text = sentences(random, 8)[0] ?? '';
    return `${marker} ${index === 1 && link ? `${text} See ${link}.` : text}`;
  }).join('\n');
}

function table(random: Random): string {
  const rows = Array.from(
    { length: 4 },
    () => `| ${word(random)} | ${random.int(1, 500)} ms | ${sentences(random, 5)[0] ?? ''} |`,
  );
  return ['| Part | Time | Note |', '| --- | ---: | --- |', ...rows].join('\n');
}

function codeBlock(random: Random): string {
  const name = word(random).replace(/-/g, '');
  return [
    '```ts',
    `export function ${name}Budget(items: readonly string[], limit = ${random.int(2, 64)}) {`,
    '  const kept: string[] = [];',
    '  for (const item of items) {',
    `    if (kept.length < limit && item !== '${word(random)}') kept.push(item);`,
    '  }',
    `  return { kept, dropped: items.length - kept.length, label: '<${name}>' };`,
    '}',
    '```',
  ].join('\n');
}

function linkTo(other: ChapterPlan, fragment?: string): string {
  return `[${other.title}](${other.fileName}${fragment ? `#${fragment}` : ''})`;
}

/** The revision line that the soak run's edits rewrite. */
export const REVISION_LINE = /^_Revision \d+\._$/m;
export const revisionLine = (revision: number) => `_Revision ${revision}._`;

/**
 * About 1,200 words: an introduction, five `##` sections (four with a `###`), lists, a table,
 * a fenced code block, a callout, and links to other chapters of the course, some to a section.
 */
export function chapterMarkdown(random: Random, plan: ChapterPlan, course: readonly ChapterPlan[]) {
  const other = () => random.pick(course.filter((c) => c.number !== plan.number));
  const next = course.find((c) => c.number === plan.number + 1) ?? course[0];
  const [s1, s2, s3, s4, s5] = plan.sections;
  if (!s1 || !s2 || !s3 || !s4 || !s5 || !next) throw new Error('A chapter plan has five sections');
  const target = other();
  const targetSection = random.pick(target.sections);
  const blocks = [
    `---\ntitle: ${plan.title}\ndescription: ${plan.description}\n---`,
    paragraph(random, 75),
    `## ${s1.title}`,
    paragraph(random, 55),
    list(random, false, 5, linkTo(other())),
    paragraph(random, 50),
    `### ${s1.subsection?.title}`,
    paragraph(random, 55),
    list(random, true, 4),
    `## ${s2.title}`,
    paragraph(random, 55),
    table(random),
    `### ${s2.subsection?.title}`,
    paragraph(random, 60),
    `## ${s3.title}`,
    paragraph(random, 50),
    codeBlock(random),
    `### ${s3.subsection?.title}`,
    `${paragraph(random, 55)} The section ${linkTo(target, targetSection.id)} shows the same idea from another side.`,
    `## ${s4.title}`,
    paragraph(random, 55),
    `::: tip\n${paragraph(random, 35)}\n:::`,
    `### ${s4.subsection?.title}`,
    paragraph(random, 60),
    `## ${s5.title}`,
    `${paragraph(random, 55)} Go back to [${s1.title}](#${s1.id}) if needed, or read the reference at [the project documentation](https://docs.example.com/${plan.slug}).`,
    `Next: ${linkTo(next)}.`,
    revisionLine(0),
  ];
  return `${blocks.join('\n\n')}\n`;
}

export function courseMarkdown(
  random: Random,
  courseTitle: string,
  chapters: readonly ChapterPlan[],
) {
  const first = chapters[0];
  if (!first) throw new Error('A course has chapters');
  const difficulty = random.pick(['easy', 'medium', 'hard']);
  return [
    '---',
    `title: ${courseTitle}`,
    `description: ${description(random)}`,
    `duration: ${random.int(2, 12)} hours`,
    `difficulty: ${difficulty}`,
    `free: ${random.next() < 0.5}`,
    `updated: 2024-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    '---',
    paragraph(random, 60),
    '',
    list(random, false, 4),
    '',
    `Start with ${linkTo(first)}.`,
    '',
  ].join('\n');
}
