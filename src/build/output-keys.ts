import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A hash of every file under `dir` (names and bytes): templates, or the Markdown plugins. */
export async function folderKey(dir: string): Promise<string> {
  const hash = createHash('sha1');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`${path.relative(dir, file)}\0`);
    hash.update(await readFile(file));
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

/** A hash of Lectern's own code as it runs: every file of src/, or of build/ once compiled. */
export async function codeKey(): Promise<string> {
  return folderKey(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
}
