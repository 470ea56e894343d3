import path from 'node:path';

/** A path as an editor reads it: relative to the project, or absolute when it lies outside. */
export function displayPath(file: string, from: string): string {
  const relative = path.relative(from, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative)
    .split(path.sep)
    .join('/');
}
