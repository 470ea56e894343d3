import path from 'node:path';
import { readConfig } from '../config.js';
import { displayPath } from '../content/display-path.js';
import { describeStartupError } from '../startup-error.js';
import { newChapter, newCourse, NewContentError, newPart } from './new-content.js';
import { projectRoot } from './project-root.js';

const USAGE = `Usage:
  npm run new -- course "Course title"
  npm run new -- part <course-folder> "Part title"
  npm run new -- chapter <course-folder> [<part-folder>] "Chapter title"`;

async function main(args: readonly string[]): Promise<number> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const [kind, ...rest] = args;
  const show = (file: string) => displayPath(file, process.cwd());
  if (kind === 'chapter' && (rest.length === 2 || rest.length === 3)) {
    const [course, part, title] = rest.length === 3 ? rest : [rest[0], undefined, rest[1]];
    const file = await newChapter(config.contentDir, course!, title!, part);
    console.log(
      `Created ${show(file)}. Add a description, write the chapter, then run npm run check.`,
    );
    return 0;
  }
  if (kind === 'part' && rest.length === 2) {
    const file = await newPart(config.contentDir, rest[0]!, rest[1]!);
    const course = rest[0]!;
    console.log(
      `Created ${show(file)}. Add its first chapter: npm run new -- chapter ${course} ${path.basename(path.dirname(file))} "Chapter title"`,
    );
    return 0;
  }
  if (kind === 'course' && rest.length === 1) {
    const files = await newCourse(
      config.contentDir,
      rest[0]!,
      new Date().toISOString().slice(0, 10),
    );
    console.log(
      `Created ${files.map(show).join(' and ')}. Set the duration, difficulty and description in course.md.`,
    );
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof NewContentError ? error.message : describeStartupError(error));
    process.exit(1);
  },
);
