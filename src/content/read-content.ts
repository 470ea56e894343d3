import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorAt, type ContentProblem, type Staged } from './content-problem.js';

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
/** Deeper than any course needs; a tree past these is a mistake, and reading it would not end. */
export const MAX_DEPTH = 12;
export const MAX_ENTRIES = 100_000;

export interface TextFile {
  /** Relative to the content folder, with forward slashes: `courses/x/01-y.md`. */
  readonly relative: string;
  readonly source: string;
  /** sha256 of the bytes, hex: what the later stages are memoised by. */
  readonly hash: string;
}

export interface BinaryFile {
  readonly relative: string;
  readonly body: Buffer;
  readonly contentType: string;
  readonly hash: string;
}

/** Everything in the content folder, read; nothing interpreted yet. */
export interface ContentFiles {
  readonly texts: ReadonlyMap<string, TextFile>;
  readonly images: ReadonlyMap<string, BinaryFile>;
  /** Folders under courses/, by name, whether or not they hold a course.md. */
  readonly courseFolders: readonly string[];
  /** Files reached through a symbolic link: always read again (their target may have changed). */
  readonly linked: ReadonlySet<string>;
  /** What listing the folder found wrong (loops, links out), kept for a read that lists nothing. */
  readonly listProblems: readonly ContentProblem[];
  /** Whether a file could not be read (not UTF-8, too large): such a read is not reused. */
  readonly unreadable: boolean;
}

export interface ReadOptions {
  /** The last read: its files are kept unless listed in `changed` (an incremental rebuild). */
  readonly previous?: ContentFiles;
  /** Paths relative to the content folder that changed since `previous`. */
  readonly changed?: ReadonlySet<string>;
}

export interface Listed {
  readonly relative: string;
  /** Reached through a symbolic link: a change to its target is not reported under this path. */
  readonly linked: boolean;
}

interface Walk {
  readonly root: string;
  readonly realRoot: string;
  /** Real directories already listed: a link back into one of them is a loop. */
  readonly visited: Set<string>;
  readonly problems: ContentProblem[];
  entries: number;
}

const decoder = () => new TextDecoder('utf-8', { fatal: true });

function fileProblem(relative: string, message: string): ContentProblem {
  return errorAt(relative, 'file', message);
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function followLink(walk: Walk, absolute: string, relative: string, depth: number) {
  let target: string;
  try {
    target = await realpath(absolute);
  } catch {
    walk.problems.push(fileProblem(relative, 'Broken link: this entry points to nothing'));
    return [];
  }
  // A symlink may point anywhere on the disk; only what stays inside content/ is content.
  if (target !== walk.realRoot && !target.startsWith(walk.realRoot + path.sep)) {
    walk.problems.push(fileProblem(relative, 'Links outside the content folder are not followed'));
    return [];
  }
  const info = await stat(target);
  if (info.isFile()) return [{ relative, linked: true }];
  if (!info.isDirectory()) return [];
  if (walk.visited.has(target)) {
    const shown = path.relative(walk.realRoot, target).split(path.sep).join('/') || '.';
    walk.problems.push(
      fileProblem(relative, `This link loops back to "${shown}", which is already read: remove it`),
    );
    return [];
  }
  return listDirectory(walk, absolute, target, depth + 1, true);
}

interface Place {
  readonly dir: string;
  /** The folder's real path: a plain subfolder's is its parent's and its name, no system call. */
  readonly real: string;
}

function listEntry(walk: Walk, place: Place, entry: Dirent, depth: number, linked: boolean) {
  const absolute = path.join(place.dir, entry.name);
  const relative = path.relative(walk.root, absolute).split(path.sep).join('/');
  if (entry.isSymbolicLink()) return followLink(walk, absolute, relative, depth);
  if (entry.isDirectory()) {
    const real = path.join(place.real, entry.name);
    return listDirectory(walk, absolute, real, depth + 1, linked);
  }
  return Promise.resolve(entry.isFile() ? [{ relative, linked }] : []);
}

// Entries are looked at concurrently (thousands of chapters are I/O-bound), then kept in name order.
async function listDirectory(
  walk: Walk,
  dir: string,
  knownReal: string | undefined,
  depth: number,
  linked: boolean,
): Promise<Listed[]> {
  const relative = path.relative(walk.root, dir).split(path.sep).join('/');
  if (depth > MAX_DEPTH) {
    walk.problems.push(
      fileProblem(relative, `Folders nest deeper than ${MAX_DEPTH} levels here: not read`),
    );
    return [];
  }
  const real = knownReal ?? (await realpath(dir));
  walk.visited.add(real);
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  walk.entries += entries.length;
  if (walk.entries > MAX_ENTRIES) {
    walk.problems.push(
      fileProblem(relative || '.', `More than ${MAX_ENTRIES} files in the content folder: stopped`),
    );
    return [];
  }
  const listed = await Promise.all(
    entries.map((entry) => listEntry(walk, { dir, real }, entry, depth, linked)),
  );
  return listed.flat();
}

function decodeText(relative: string, bytes: Buffer, problems: ContentProblem[]) {
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
    problems.push(
      errorAt(relative, 'file', 'The file contains a NUL character: is it really text?', {
        line: before.length,
        column: (before.at(-1)?.length ?? 0) + 1,
      }),
    );
    return undefined;
  }
  return text;
}

async function readOne(
  root: string,
  relative: string,
  problems: ContentProblem[],
): Promise<TextFile | BinaryFile | undefined> {
  const extension = path.extname(relative).toLowerCase();
  const contentType = IMAGE_TYPES[extension];
  if (extension === '.md' || extension === '.yaml' || extension === '.yml') {
    const bytes = await readFile(path.join(root, relative));
    const source = decodeText(relative, bytes, problems);
    return source === undefined ? undefined : { relative, source, hash: hashOf(bytes) };
  }
  if (!contentType) return undefined;
  const body = await readFile(path.join(root, relative));
  if (body.length <= MAX_IMAGE_BYTES) return { relative, body, contentType, hash: hashOf(body) };
  problems.push(fileProblem(relative, 'Images are limited to 10 MB'));
  return undefined;
}

function previousFile(
  listed: Listed,
  options: ReadOptions,
): TextFile | BinaryFile | undefined | false {
  const { previous, changed } = options;
  if (!previous || !changed || listed.linked || changed.has(listed.relative)) return false;
  return previous.texts.get(listed.relative) ?? previous.images.get(listed.relative) ?? false;
}

/** Every file of the content folder, without reading one: what a build's fingerprint starts from. */
export async function listContent(root: string): Promise<Staged<Listed[]>> {
  const problems: ContentProblem[] = [];
  const walk: Walk = {
    root,
    realRoot: await realpath(root),
    visited: new Set(),
    problems,
    entries: 0,
  };
  return { value: await listDirectory(walk, root, walk.realRoot, 0, false), problems };
}

/**
 * What identifies the bytes of every listed file without reading them: size, modification and
 * change times (ctime cannot be set back by any tool) and inode. Equal stamps, equal files: the
 * same rule as make's and rsync's, with ctime added.
 */
export async function stampContent(root: string, listed: readonly Listed[]): Promise<string> {
  const hash = createHash('sha1');
  const stamps = await Promise.all(
    listed.map(async ({ relative }) => {
      const info = await stat(path.join(root, relative), { bigint: true });
      return `${relative}\0${info.size}\0${info.mtimeNs}\0${info.ctimeNs}\0${info.ino}\n`;
    }),
  );
  for (const stamp of stamps) hash.update(stamp);
  return hash.digest('hex');
}

/**
 * Reads the content folder: text files (Markdown, YAML) and images, never following links out
 * and listing each real folder once. Given the previous read and what changed, it lists the
 * folders again (cheap) but reads only the changed and new files.
 */
/**
 * A save that only changed files the last read had (no file added, none removed, no folder
 * touched): those files are read again and nothing is listed. Undefined when that is not so,
 * or when a file turns out to be gone: then the whole folder is listed.
 */
async function readChanged(
  root: string,
  options: ReadOptions,
): Promise<Staged<ContentFiles> | undefined> {
  const { previous, changed } = options;
  // Links are checked (inside content/, no loop) only by listing; so are unreadable files' errors.
  if (!previous || !changed || previous.linked.size > 0 || previous.unreadable) return undefined;
  const known = (relative: string) => previous.texts.has(relative) || previous.images.has(relative);
  if (![...changed].every(known)) return undefined;
  const texts = new Map(previous.texts);
  const images = new Map(previous.images);
  const problems: ContentProblem[] = [...previous.listProblems];
  for (const relative of changed) {
    let file: TextFile | BinaryFile | undefined;
    try {
      // A file replaced by a link must be listed, to be checked: the whole folder is read.
      if ((await lstat(path.join(root, relative))).isSymbolicLink()) return undefined;
      file = await readOne(root, relative, problems);
    } catch {
      return undefined;
    }
    texts.delete(relative);
    images.delete(relative);
    if (file && 'source' in file) texts.set(relative, file);
    else if (file) images.set(relative, file);
  }
  if (problems.length > previous.listProblems.length) return undefined;
  return { value: { ...previous, texts, images }, problems };
}

export async function readContent(
  root: string,
  options: ReadOptions = {},
  listing?: Staged<Listed[]>,
): Promise<Staged<ContentFiles>> {
  const quick = listing ? undefined : await readChanged(root, options);
  if (quick) return quick;
  const { value: listed, problems: listProblems } = listing ?? (await listContent(root));
  const problems = [...listProblems];
  const texts = new Map<string, TextFile>();
  const images = new Map<string, BinaryFile>();
  // Read concurrently, then kept in name order so that every later stage is deterministic.
  const read = await Promise.all(
    listed.map((entry) => {
      const kept = previousFile(entry, options);
      return kept === false ? readOne(root, entry.relative, problems) : Promise.resolve(kept);
    }),
  );
  for (const file of read) {
    if (file && 'source' in file) texts.set(file.relative, file);
    else if (file) images.set(file.relative, file);
  }
  const courseFolders = [
    ...new Set(
      listed
        .filter((entry) => entry.relative.startsWith('courses/'))
        .map((entry) => entry.relative.split('/')[1] ?? ''),
    ),
  ].filter((name) => name !== '' && !name.includes('.'));
  const linked = new Set(listed.filter((entry) => entry.linked).map((entry) => entry.relative));
  const unreadable = problems.length > listProblems.length;
  return { value: { texts, images, courseFolders, linked, listProblems, unreadable }, problems };
}
