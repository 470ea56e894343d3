import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from './content-problem.js';

export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A Markdown chapter of 1 MB is a mistake (a pasted log, an export gone wrong), not a chapter. */
export const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export interface TextFile {
  /** Relative to the content folder, with forward slashes: `courses/x/01-y.md`. */
  readonly relative: string;
  readonly source: string;
}

export interface BinaryFile {
  readonly relative: string;
  readonly body: Buffer;
  readonly contentType: string;
}

/** Everything in the content folder, read; nothing interpreted yet. */
export interface ContentFiles {
  readonly texts: ReadonlyMap<string, TextFile>;
  readonly images: ReadonlyMap<string, BinaryFile>;
  /** Folders under courses/, by name, whether or not they hold a course.md. */
  readonly courseFolders: readonly string[];
}

/** A problem located by its path relative to the content folder. */
export type FileProblem = Omit<ContentProblem, 'file'> & { readonly relative: string };
type Problem = FileProblem;

const decoder = () => new TextDecoder('utf-8', { fatal: true });

function fileProblem(relative: string, message: string): Problem {
  return { relative, line: 1, column: 1, field: 'file', message, severity: 'error' };
}

async function listEntry(
  root: string,
  realRoot: string,
  absolute: string,
  problems: Problem[],
): Promise<string[]> {
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  let target: string;
  try {
    target = await realpath(absolute);
  } catch {
    problems.push(fileProblem(relative, 'Broken link: this entry points to nothing'));
    return [];
  }
  // A symlink may point anywhere on the disk; only what stays inside content/ is content.
  if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
    problems.push(fileProblem(relative, 'Links outside the content folder are not followed'));
    return [];
  }
  const info = await stat(target);
  if (info.isDirectory()) return listFiles(root, realRoot, absolute, problems);
  return info.isFile() ? [relative] : [];
}

// Entries are looked at concurrently (thousands of chapters are I/O-bound), then kept in name order.
async function listFiles(
  root: string,
  realRoot: string,
  dir: string,
  problems: Problem[],
): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const listed = await Promise.all(
    entries.map((entry) => listEntry(root, realRoot, path.join(dir, entry.name), problems)),
  );
  return listed.flat();
}

function decodeText(relative: string, bytes: Buffer, problems: Problem[]): string | undefined {
  if (bytes.length > MAX_TEXT_BYTES) {
    problems.push(
      fileProblem(
        relative,
        `The file is ${Math.round(bytes.length / 1024)} KB; text files are limited to ${MAX_TEXT_BYTES / 1024} KB`,
      ),
    );
    return undefined;
  }
  let text: string;
  try {
    text = decoder().decode(bytes);
  } catch {
    problems.push(fileProblem(relative, 'The file is not valid UTF-8 text: save it as UTF-8'));
    return undefined;
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul).split('\n');
    problems.push({
      ...fileProblem(relative, 'The file contains a NUL character: is it really text?'),
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1,
    });
    return undefined;
  }
  return text;
}

async function readOne(
  root: string,
  relative: string,
  problems: Problem[],
): Promise<TextFile | BinaryFile | undefined> {
  const extension = path.extname(relative).toLowerCase();
  const contentType = IMAGE_TYPES[extension];
  if (extension === '.md' || extension === '.yaml' || extension === '.yml') {
    const source = decodeText(relative, await readFile(path.join(root, relative)), problems);
    return source === undefined ? undefined : { relative, source };
  }
  if (!contentType) return undefined;
  const body = await readFile(path.join(root, relative));
  if (body.length <= MAX_IMAGE_BYTES) return { relative, body, contentType };
  problems.push(fileProblem(relative, 'Images are limited to 10 MB'));
  return undefined;
}

/** Reads the content folder: text files (Markdown, YAML) and images, never following links out. */
export async function readContent(
  root: string,
): Promise<{ files: ContentFiles; problems: Problem[] }> {
  const problems: Problem[] = [];
  const realRoot = await realpath(root);
  const relatives = await listFiles(root, realRoot, root, problems);
  const texts = new Map<string, TextFile>();
  const images = new Map<string, BinaryFile>();
  // Read concurrently, then kept in name order so that every later stage is deterministic.
  const read = await Promise.all(relatives.map((relative) => readOne(root, relative, problems)));
  for (const file of read) {
    if (file && 'source' in file) texts.set(file.relative, file);
    else if (file) images.set(file.relative, file);
  }
  const courseFolders = [
    ...new Set(relatives.filter((r) => r.startsWith('courses/')).map((r) => r.split('/')[1] ?? '')),
  ].filter((name) => name !== '' && !name.includes('.'));
  return { files: { texts, images, courseFolders }, problems };
}
