import type { Position } from './front-matter.js';
import { warningAt, type ContentProblem } from './content-problem.js';

/** Search engines show about this many characters of a description, then cut it. */
export const DESCRIPTION_MAX = 160;
const DESCRIPTION_MIN = 50;

function warning(relative: string, at: Position, message: string): ContentProblem {
  return warningAt(relative, 'description', message, at);
}

/**
 * Warnings, not errors: a page without a good description still serves, but search results and
 * link previews show whatever text the engine picks instead.
 */
export function checkDescription(
  relative: string,
  description: string | undefined,
  locate: (path: readonly PropertyKey[]) => Position,
  problems: ContentProblem[],
): void {
  if (description === undefined) {
    problems.push(
      warning(
        relative,
        { line: 1, column: 1 },
        `No description: add one or two sentences (${DESCRIPTION_MIN}-${DESCRIPTION_MAX} characters) for search results and link previews`,
      ),
    );
  } else if (description.length > DESCRIPTION_MAX) {
    problems.push(
      warning(
        relative,
        locate(['description']),
        `The description is ${description.length} characters; search results show about ${DESCRIPTION_MAX}, so the end will be cut`,
      ),
    );
  } else if (description.length < DESCRIPTION_MIN) {
    problems.push(
      warning(
        relative,
        locate(['description']),
        `The description is ${description.length} characters; ${DESCRIPTION_MIN}-${DESCRIPTION_MAX} tell searchers more`,
      ),
    );
  }
}
