import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/content-problem.js';
import { loadSite } from '../../src/content/load-site.js';
import { createRenderCache } from '../../src/content/render-cache.js';
import { createMarkdown } from '../../src/markdown/create-markdown.js';
import { CHAPTER_MD, contentFolder, validFiles } from '../support/content-fixture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function cachedLoader() {
  const folder = await contentFolder({
    ...validFiles(),
    'courses/a-course/02-second.md': CHAPTER_MD.replace(
      'Some text.',
      'Back to [the first](01-first.md).',
    ),
  });
  cleanups.push(folder.cleanup);
  const renderCache = createRenderCache();
  const load = () => loadSite({ contentDir: folder.dir, markdown: createMarkdown(), renderCache });
  return { load, file: (name: string) => path.join(folder.dir, name), renderCache };
}

describe('the render cache', () => {
  it('reuses the Markdown of files that did not change, and renders the edited one again', async () => {
    const { load, file } = await cachedLoader();
    const first = await load();
    await writeFile(
      file('courses/a-course/01-first.md'),
      CHAPTER_MD.replace('Some text.', 'Edited.'),
    );
    const second = await load();
    const [firstChapters, secondChapters] = [
      first.site.courses[0]!.chapters,
      second.site.courses[0]!.chapters,
    ];
    expect(secondChapters[0]!.html).toContain('Edited.');
    // The same object, not an equal one: the second chapter was not rendered again.
    expect(secondChapters[1]!.headings).toBe(firstChapters[1]!.headings);
    expect(secondChapters[0]!.headings).not.toBe(firstChapters[0]!.headings);
  });

  it('renders everything again when a page disappears, so that links to it are reported', async () => {
    const { load, file } = await cachedLoader();
    await load();
    await rm(file('courses/a-course/01-first.md'));
    await expect(load()).rejects.toThrow(ContentError);
    await expect(load()).rejects.toThrow(
      '02-second.md:7:21  link  Link to a page that does not exist: "01-first.md"',
    );
  });

  it('forgets files that are gone', async () => {
    const { load, file, renderCache } = await cachedLoader();
    await writeFile(file('courses/a-course/03-third.md'), CHAPTER_MD);
    await load();
    expect(renderCache.has('courses/a-course/03-third.md')).toBe(true);
    await rm(file('courses/a-course/03-third.md'));
    await load();
    expect(renderCache.has('courses/a-course/03-third.md')).toBe(false);
  });
});
