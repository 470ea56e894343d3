/**
 * One thing wrong with one content file, located as precisely as we can. Stages report `file`
 * relative to the content folder; `showProblems` makes it the path an editor types, where the
 * problems are shown.
 */
export interface ContentProblem {
  readonly file: string;
  /** 1-based line in the file (not in the front-matter block). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The front-matter field, or a short name for what is wrong (`markdown`, `file`). */
  readonly field: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What every stage returns: its value, and every problem it found on the way. */
export interface Staged<T> {
  readonly value: T;
  readonly problems: readonly ContentProblem[];
}

export interface Location {
  readonly line: number;
  readonly column: number;
}

const START: Location = { line: 1, column: 1 };

export function errorAt(
  file: string,
  field: string,
  message: string,
  at: Location = START,
): ContentProblem {
  return { file, line: at.line, column: at.column, field, message, severity: 'error' };
}

export function warningAt(
  file: string,
  field: string,
  message: string,
  at: Location = START,
): ContentProblem {
  return { ...errorAt(file, field, message, at), severity: 'warning' };
}

/** Paths as the editor reads them: `prefix` is the content folder seen from the project. */
export function showProblems(
  problems: readonly ContentProblem[],
  prefix: string,
): ContentProblem[] {
  return problems.map((p) => (prefix ? { ...p, file: `${prefix}/${p.file}` } : p));
}

// C0 and C1 controls and DEL: an ESC from a file name or a front-matter key would drive the
// editor's terminal (clear it, hide the lines above) instead of being read.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Text from content as a terminal should show it: each control character as \xNN. */
export function printable(text: string): string {
  return text.replace(
    CONTROL,
    (char) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

export function formatProblem(problem: ContentProblem): string {
  const where = `${printable(problem.file)}:${problem.line}:${problem.column}`;
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${printable(problem.field)}  ${label}${printable(problem.message)}`;
}

export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

/** Thrown when content cannot be served: it carries every problem found, not only the first. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((p) => p.severity === 'error').length;
    super(
      `${errors} content ${errors === 1 ? 'error' : 'errors'}:\n` +
        sorted.map(formatProblem).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = sorted;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The last line of a check: what was found, and whether the site can be served. */
export function summarizeProblems(
  problems: readonly ContentProblem[],
  pages: number | undefined,
): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const counts = `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
  if (errors > 0) return `✖ ${counts}.`;
  const checked = `✓ ${plural(pages ?? 0, 'page')} checked`;
  return problems.length === 0 ? `${checked}: no problems.` : `${checked}, ${counts}.`;
}
