import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A hash of every file under `dir` (names and bytes): the templates, public/, the code. */
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
