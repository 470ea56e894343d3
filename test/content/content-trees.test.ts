import fc from 'fast-check';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/build-site.js';
import { ContentError } from '../../src/content/content-problem.js';
import { contentFolder, validFiles } from '../support/content-fixture.js';

/** What can stand in a content folder: a folder of more, a file, or a link to anywhere. */
type Entry =
  | { kind: 'folder'; name: string; entries: Entry[] }
  | { kind: 'file'; name: string; bytes: number; text: string }
  | { kind: 'link'; name: string; target: string };

const name = fc.oneof(
  fc.constantFrom('images', 'a', 'b', '01-x.md', 'course.md', 'x.svg', 'é ü', 'CAPS.MD', ' sp '),
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((s) => !/[/\0]/.test(s) && s !== '.' && s !== '..'),
);
const target = fc.constantFrom('.', '..', '../..', '/', '/tmp', 'a', 'missing', '../a', 'b/../..');

const entry: fc.Memo<Entry> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small' },
    fc.record({
      kind: fc.constant('file' as const),
      name,
      bytes: fc.constantFrom(0, 10, 2_000_000),
      text: fc.constantFrom('---\ntitle: T\n---\nBody\n', '---\n[[[[\n---\n', '\u0000', '# hi'),
    }),
    fc.record({ kind: fc.constant('link' as const), name, target }),
    depth > 1
      ? fc.record({
          kind: fc.constant('folder' as const),
          name,
          entries: fc.array(entry(depth - 1), { maxLength: 4 }),
        })
      : fc.record({ kind: fc.constant('link' as const), name, target }),
  ),
);

async function write(dir: string, entries: readonly Entry[]): Promise<void> {
  for (const item of entries) {
    const at = path.join(dir, item.name);
    try {
      if (item.kind === 'folder') {
        await mkdir(at, { recursive: true });
        await write(at, item.entries);
      } else if (item.kind === 'link') await symlink(item.target, at);
      else
        await writeFile(
          at,
          item.bytes > 100 ? item.text.repeat(item.bytes / item.text.length) : item.text,
        );
    } catch {
      // Two entries of one name: the first one stands.
    }
  }
}

describe('loading any content tree', () => {
  it('ends within seconds with a site or a ContentError naming each problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry(5), { maxLength: 5 }), async (entries) => {
        const folder = await contentFolder(validFiles());
        try {
          await write(path.join(folder.dir, 'courses/a-course'), entries);
          const started = performance.now();
          const outcome = await loadSite({ contentDir: folder.dir }).then(
            () => 'site',
            (error: unknown) => error,
          );
          expect(performance.now() - started).toBeLessThan(10_000);
          if (outcome !== 'site') {
            expect(outcome).toBeInstanceOf(ContentError);
            for (const problem of (outcome as ContentError).problems)
              expect(problem.message.length).toBeGreaterThan(0);
          }
        } finally {
          await folder.cleanup();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
