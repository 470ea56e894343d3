import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFolder, validFiles } from './support/content-fixture.js';
import { ROOT } from './support/fixture-site.js';
import { spawnKept } from './support/processes.js';

/** `npm run build` as a deployer runs it, with OUT_DIR as given. */
async function exportTo(outDir: string, contentDir: string) {
  const run = spawnKept(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/export.ts')], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: outDir, CONTENT_DIR: contentDir, CACHE_DIR: 'off' },
  });
  await run.exited();
  return { code: run.child.exitCode, output: run.output() };
}

describe('npm run build', () => {
  it.each([
    ['.', `OUT_DIR=${ROOT} is the project folder or a folder above it`],
    ['..', `OUT_DIR=${path.dirname(ROOT)} is the project folder or a folder above it`],
    [
      'content',
      `OUT_DIR=${path.join(ROOT, 'content')} would replace ${path.join(ROOT, 'content')}`,
    ],
    ['views', `OUT_DIR=${path.join(ROOT, 'views')} would replace ${path.join(ROOT, 'views')}`],
  ])('refuses OUT_DIR=%s before any work, and deletes nothing', async (outDir, message) => {
    const folder = await contentFolder(validFiles());
    try {
      const before = await readdir(ROOT);
      const { code, output } = await exportTo(outDir, folder.dir);
      expect(code).toBe(1);
      expect(output).toContain(message);
      expect(await readdir(ROOT)).toEqual(before);
    } finally {
      await folder.cleanup();
    }
  });

  it('refuses a folder of files it did not write, and leaves them', async () => {
    const folder = await contentFolder(validFiles());
    try {
      const outDir = path.join(folder.root, 'mine');
      await mkdir(outDir);
      await writeFile(path.join(outDir, 'notes.txt'), 'mine');
      const { code, output } = await exportTo(outDir, folder.dir);
      expect(code).toBe(1);
      expect(output).toContain('holds files that no Lectern export wrote');
      expect(await readdir(outDir)).toEqual(['notes.txt']);
    } finally {
      await folder.cleanup();
    }
  });
});
