import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderKey } from '../../src/build/output-keys.js';

describe('folderKey', () => {
  it('changes when a file changes, a symlinked one included', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-key-'));
    try {
      await writeFile(path.join(dir, 'theme.ejs'), '<p>one</p>');
      await writeFile(path.join(dir, 'page.ejs'), '<p>page</p>');
      await symlink(path.join(dir, 'theme.ejs'), path.join(dir, 'layout.ejs'));
      const before = await folderKey(dir);
      expect(await folderKey(dir)).toBe(before);
      await writeFile(path.join(dir, 'theme.ejs'), '<p>two</p>');
      const edited = await folderKey(dir);
      expect(edited).not.toBe(before);
      await writeFile(path.join(dir, 'page.ejs'), '<p>page, edited</p>');
      expect(await folderKey(dir)).not.toBe(edited);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
