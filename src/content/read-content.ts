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

async function listFiles(root: string, realRoot: string, dir: string, problems: Problem[]): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(dir, entry.name);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    let target: string;
    try {
      target = await realpath(absolute);
    } catch {
      problems.push(fileProblem(relative, 'Broken link: this entry points to nothing'));
      continue;
    }
    // A symlink may point anywhere on the disk; only what stays inside content/ is content.
    if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
      problems.push(fileProblem(relative, 'Links outside the content folder are not followed'));
      continue;
    }
    const info = await stat(target);
    if (info.isDirectory()) found.push(...(await listFiles(root, realRoot, absolute, problems)));
    else if (info.isFile()) found.push(relative);
  }
  return found;
}

function decodeText(relative: string, bytes: Buffer, problems: Problem[]): string | undefined {
  if (bytes.length > MAX_TEXT_BYTES) {
    problems.push(fileProblem(relative, `The file is ${Math.round(bytes.length / 1024)} KB; text files are limited to ${MAX_TEXT_BYTES / 1024} KB`));
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

/** Reads the content folder: text files (Markdown, YAML) and images, never following links out. */
export async function readContent(root: string): Promise<{ files: ContentFiles; problems: Problem[] }> {
  const problems: Problem[] = [];
  const realRoot = await realpath(root);
  const relatives = await listFiles(root, realRoot, root, problems);
  const texts = new Map<string, TextFile>();
  const images = new Map<string, BinaryFile>();
  for (const relative of relatives) {
    const extension = path.extname(relative).toLowerCase();
    const contentType = IMAGE_TYPES[extension];
    if (extension === '.md' || extension === '.yaml' || extension === '.yml') {
      const source = decodeText(relative, await readFile(path.join(root, relative)), problems);
      if (source !== undefined) texts.set(relative, { relative, source });
    } else if (contentType) {
      const body = await readFile(path.join(root, relative));
      if (body.length > MAX_IMAGE_BYTES) problems.push(fileProblem(relative, 'Images are limited to 10 MB'));
      else images.set(relative, { relative, body, contentType });
    }
  }
  const courseFolders = [
    ...new Set(relatives.filter((r) => r.startsWith('courses/')).map((r) => r.split('/')[1] ?? '')),
  ].filter((name) => name !== '' && !name.includes('.'));
  return { files: { texts, images, courseFolders }, problems };
}
