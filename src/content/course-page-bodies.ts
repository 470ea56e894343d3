import { errorAt, type ContentProblem } from './content-problem.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUIZ = /^ {0,3}:{3,}\s*quiz\b/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;

/** Each line of a body that is not inside a fenced code block, with its line in the file. */
function proseLines(body: string, bodyLine: number): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const marker = FENCE.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    else if (!fence) lines.push({ text, line: bodyLine + index });
  });
  return lines;
}

/**
 * What course.md and part.md may not hold, since the course page shows them together: a quiz
 * (its ids would clash with another's, and only a chapter's quiz counts toward the
 * certificate), and, in a part, a heading (the part's title is the heading its text sits under).
 */
export function checkCoursePageBody(
  relative: string,
  body: string,
  bodyLine: number,
  kind: 'course' | 'part',
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { text, line } of proseLines(body, bodyLine)) {
    const at = { line, column: text.length - text.trimStart().length + 1 };
    if (QUIZ.test(text)) {
      const message = `A quiz belongs in a chapter: move it into one of the ${kind === 'part' ? "part's" : "course's"} chapter files, where learners take it and it counts toward the certificate`;
      problems.push(errorAt(relative, 'quiz', message, at));
    } else if (kind === 'part' && HEADING.test(text)) {
      const message =
        "A part's text sits under the part's title on the course page: write it without headings (paragraphs, lists, callouts), and give headings to its chapters";
      problems.push(errorAt(relative, 'heading', message, at));
    }
  }
  return problems;
}
