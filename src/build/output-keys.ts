import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A hash of every file under `dir` (names and bytes): templates, or the Markdown plugins. */
export async function folderKey(dir: string): Promise<string> {
  const hash = createHash('sha1');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  // A symlinked template is read through its link: its target's bytes are what count.
  const files = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) continue;
    hash.update(`${path.relative(dir, file)}\0`);
    hash.update(bytes);
    hash.update('\0');
  }
  return hash.digest('hex');
}

function versionOf(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * Everything that changes what a Markdown body renders to besides the body: the versions of
 * markdown-it and its plugins, and Lectern's own Markdown code (the files of src/markdown, or
 * of build/markdown once compiled), so that editing a plugin renders everything again.
 */
export async function markdownKey(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const versions = ['markdown-it', 'markdown-it-anchor', 'markdown-it-container'].map(
    (name) => `${name}@${versionOf(name)}`,
  );
  const extension = path.extname(fileURLToPath(import.meta.url));
  const hash = createHash('sha1').update(versions.join(' '));
  hash.update(await folderKey(path.join(here, '..', 'markdown')));
  // What links and images resolve to, and how problems are placed, is decided here.
  for (const name of ['render-document', 'content-index'])
    hash.update(await readFile(path.join(here, '..', 'content', `${name}${extension}`)));
  return hash.digest('hex');
}

/**
 * A hash of Lectern's own code as it runs (every file of src/, or of build/ once compiled) and
 * of the packages installed beside it (npm's record of node_modules): an upgrade of ejs or
 * helmet changes the output too.
 */
export async function codeKey(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const installed = createRequire(import.meta.url).resolve('ejs');
  const lock = path.join(installed.slice(0, installed.lastIndexOf('node_modules')), 'node_modules', '.package-lock.json');
  const packages = await readFile(lock).catch(() => Buffer.from('no lock'));
  return createHash('sha1').update(await folderKey(path.join(here, '..'))).update(packages).digest('hex');
}
