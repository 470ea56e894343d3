import { chmod, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline, type PipelineOptions } from '../../src/build/pipeline.js';
import { formatProblem } from '../../src/content/content-problem.js';
import type { RenderedSite } from '../../src/render/render-site.js';
import { CHAPTER_MD, contentFolder, validFiles } from '../support/content-fixture.js';
import { ROOT } from '../support/fixture-site.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function chapter(title: string, body: string): string {
  return CHAPTER_MD.replace('First chapter', title).replace('Some text.', body);
}

/** A course of three chapters; the second links to the third. */
function threeChapters(): Record<string, string> {
  return {
    ...validFiles(),
    'courses/a-course/02-second.md': chapter('Second', 'See [the third](03-third.md#section-one).'),
    'courses/a-course/03-third.md': chapter('Third', 'The end.'),
  };
}

async function pipelineOn(files: Record<string, string>, options: Partial<PipelineOptions> = {}) {
  const folder = await contentFolder(files);
  const warnings: string[] = [];
  const make = (extra: Partial<PipelineOptions> = {}) => {
    const pipeline = createPipeline({
      contentDir: folder.dir,
      viewsDir: path.join(ROOT, 'views'),
      publicDir: path.join(ROOT, 'public'),
      siteUrl: 'https://courses.example.com',
      fallbackSiteUrl: 'http://localhost',
      displayRoot: folder.root,
      cacheDir: undefined,
      workers: 0,
      version: 'test',
      warn: (message) => warnings.push(message),
      ...options,
      ...extra,
    });
    cleanups.push(() => pipeline.close());
    return pipeline;
  };
  cleanups.push(folder.cleanup);
  const file = (name: string) => path.join(folder.dir, name);
  return { make, pipeline: make(), folder, file, warnings };
}

async function rebuild(pipeline: Pipeline, changed?: string[]) {
  const loaded = await pipeline.loadContent(changed);
  const rendered = loaded.site ? await pipeline.renderSite(loaded.site) : undefined;
  return { ...loaded, rendered, stats: pipeline.stats() };
}

function bodyOf(site: RenderedSite | undefined, url: string): string {
  const response = site?.responses.get(url);
  if (!response) throw new Error(`No response for ${url}`);
  return response.identity.body.toString('utf8');
}

const SECOND = '/courses/a-course/second/';

describe('the pipeline, rebuilding after a save', () => {
  it('renders and lays out again only the chapter whose body changed', async () => {
    const { pipeline, file } = await pipelineOn(threeChapters());
    expect((await rebuild(pipeline)).stats.rendered).toBe(4);
    const path = file('courses/a-course/02-second.md');
    await writeFile(path, chapter('Second', 'An edited body.'));
    const after = await rebuild(pipeline, [path]);
    expect(after.stats.rendered).toBe(1);
    expect(after.stats.laidOut).toEqual([SECOND]);
    expect(bodyOf(after.rendered, SECOND)).toContain('An edited body.');
  });

  it('lays out again, after a title edit, the pages that show the title and no other', async () => {
    const { pipeline, file } = await pipelineOn({
      ...threeChapters(),
      'courses/other-course/course.md': validFiles()['courses/a-course/course.md']!.replace(
        'A course',
        'Other course',
      ),
      'courses/other-course/01-only.md': chapter('Only', 'Elsewhere.'),
    });
    await rebuild(pipeline);
    const path = file('courses/a-course/02-second.md');
    await writeFile(path, chapter('Second, renamed', 'See [the third](03-third.md#section-one).'));
    const after = await rebuild(pipeline, [path]);
    expect(after.stats.rendered).toBe(0);
    // The catalog shows no chapter title; every page of the course lists its chapters.
    expect(after.stats.laidOut.sort()).toEqual([
      '/courses/a-course/',
      '/courses/a-course/certificate/',
      '/courses/a-course/first/',
      '/courses/a-course/second/',
      '/courses/a-course/third/',
    ]);
    expect(bodyOf(after.rendered, '/courses/a-course/third/')).toContain('Second, renamed');
  });

  it('makes a link into a deleted chapter an error at once, in the file that holds it', async () => {
    const { pipeline, file } = await pipelineOn(threeChapters());
    await rebuild(pipeline);
    const path = file('courses/a-course/03-third.md');
    await rm(path);
    const after = await rebuild(pipeline, [path]);
    expect(after.site).toBeUndefined();
    expect(after.problems.map(formatProblem)).toEqual([
      'content/courses/a-course/02-second.md:7:17  link  Link to a page that does not exist: "03-third.md#section-one"',
    ]);
  });

  it('builds the same site incrementally as from scratch', async () => {
    const { pipeline, make, file } = await pipelineOn(threeChapters());
    await rebuild(pipeline);
    const path = file('courses/a-course/01-first.md');
    await writeFile(path, chapter('First, again', 'New words.'));
    const incremental = (await rebuild(pipeline, [path])).rendered!;
    const scratch = (await rebuild(make())).rendered!;
    for (const [url, response] of scratch.responses)
      expect(incremental.responses.get(url)?.identity.etag, url).toBe(response.identity.etag);
  });
});

describe('the pipeline, reading only what a save changed', () => {
  it('still reports a file it could not read, after a save of another', async () => {
    const { pipeline, file } = await pipelineOn(threeChapters());
    await writeFile(file('courses/a-course/03-third.md'), Buffer.from([0x2d, 0xff, 0xfe]));
    const first = await rebuild(pipeline);
    const unreadable = first.problems.map(formatProblem);
    expect(unreadable.join('\n')).toContain('not valid UTF-8');
    const path = file('courses/a-course/01-first.md');
    await writeFile(path, chapter('First', 'Saved again.'));
    const after = await rebuild(pipeline, [path]);
    expect(after.problems.map(formatProblem)).toEqual(expect.arrayContaining(unreadable));
  });

  it('refuses a known file replaced by a link out of the content folder', async () => {
    const { pipeline, file, folder } = await pipelineOn(threeChapters());
    await rebuild(pipeline);
    const outside = path.join(folder.root, 'secret.md');
    await writeFile(outside, chapter('Secret', 'Not content.'));
    const target = file('courses/a-course/02-second.md');
    await rm(target);
    await symlink(outside, target);
    const after = await rebuild(pipeline, [target]);
    expect(after.problems.map(formatProblem)).toContain(
      'content/courses/a-course/02-second.md:1:1  file  Links outside the content folder are not followed',
    );
  });
});

describe('the worker pool', () => {
  it('renders on worker threads the same bytes as on one thread', async () => {
    const files = validFiles();
    // Enough chapters for the pool to be used (small sites render on the calling thread).
    for (let i = 2; i <= 60; i++)
      files[`courses/a-course/${String(i).padStart(2, '0')}-c${i}.md`] = chapter(`C${i}`, 'Text.');
    const { make } = await pipelineOn(files);
    const alone = (await rebuild(make({ workers: 0 }))).rendered!;
    const pooled = await rebuild(make({ workers: 2 }));
    expect(pooled.stats.rendered).toBe(61);
    for (const [url, response] of alone.responses)
      expect(pooled.rendered!.responses.get(url)?.identity.etag, url).toBe(response.identity.etag);
  });
});

describe('the disk cache', () => {
  async function cached() {
    const setup = await pipelineOn(threeChapters());
    const cacheDir = path.join(setup.folder.root, 'cache');
    const first = await rebuild(setup.make({ cacheDir }));
    return { ...setup, cacheDir, first };
  }

  it('lets a second process render nothing when nothing changed', async () => {
    const { make, cacheDir, first } = await cached();
    const second = await rebuild(make({ cacheDir }));
    expect(second.stats.rendered).toBe(0);
    expect(second.stats.renderedFromDisk).toBe(4);
    // Only the 500 page is laid out again: its request-id placeholder is new in each process.
    expect(second.stats.compressed).toBe(1);
    expect(second.stats.compressedFromDisk).toBe(second.stats.laidOut.length - 1);
    expect(bodyOf(second.rendered, SECOND)).toBe(bodyOf(first.rendered, SECOND));
  });

  it.each([
    ['truncated', (file: string) => truncate(file, 100)],
    ['overwritten', (file: string) => writeFile(file, 'LECTERN-CACHE-1\n' + 'x'.repeat(5000))],
    [
      'with a byte flipped',
      async (file: string) => {
        const bytes = await readFile(file);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = bytes[at]! ^ 0xff;
        await writeFile(file, bytes);
      },
    ],
  ])('ignores a pack that is %s, and builds the same bytes', async (_name, damage) => {
    const { make, cacheDir, first } = await cached();
    for (const name of await readdir(cacheDir))
      if (name.endsWith('.pack')) await damage(path.join(cacheDir, name));
    const second = await rebuild(make({ cacheDir }));
    expect(second.stats.rendered).toBeGreaterThan(0);
    for (const [url, response] of first.rendered!.responses)
      expect(second.rendered!.responses.get(url)?.identity.etag, url).toBe(response.identity.etag);
  });

  it('ignores a pack written by another version of Lectern', async () => {
    const { make, cacheDir } = await cached();
    const other = await rebuild(make({ cacheDir, version: 'another' }));
    expect(other.stats.renderedFromDisk).toBe(0);
    expect(other.stats.rendered).toBe(4);
  });

  it('runs without a cache folder it cannot write, saying so once', async () => {
    const { make, folder, warnings } = await pipelineOn(threeChapters());
    const cacheDir = path.join(folder.root, 'read-only');
    await writeFile(cacheDir, 'a file where the folder should be');
    const result = await rebuild(make({ cacheDir }));
    expect(result.site).toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Lectern: the cache folder .*read-only cannot be written/);
    await chmod(cacheDir, 0o644);
  });
});

describe('a whole build', () => {
  it('is the cached build when no input changed, and a new one after an edit', async () => {
    const { make, folder, file } = await pipelineOn(threeChapters());
    const cacheDir = path.join(folder.root, 'cache');
    const first = await make({ cacheDir }).build();
    const again = await make({ cacheDir }).build();
    expect(again.snapshot).toBe(first.snapshot);
    expect(bodyOf(again.rendered, SECOND)).toBe(bodyOf(first.rendered, SECOND));
    await writeFile(file('courses/a-course/02-second.md'), chapter('Second', 'Changed.'));
    const edited = await make({ cacheDir }).build();
    expect(edited.snapshot).not.toBe(first.snapshot);
    expect(bodyOf(edited.rendered, SECOND)).toContain('Changed.');
  });

  it('builds again when the kept build is damaged', async () => {
    const { make, folder } = await pipelineOn(threeChapters());
    const cacheDir = path.join(folder.root, 'cache');
    const first = await make({ cacheDir }).build();
    const bytes = await readFile(first.snapshot!);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(first.snapshot!, bytes);
    const again = await make({ cacheDir }).build();
    expect(bodyOf(again.rendered, SECOND)).toBe(bodyOf(first.rendered, SECOND));
  });

  it('refuses content with errors, naming each, and keeps no build of it', async () => {
    const { make, folder } = await pipelineOn({
      ...threeChapters(),
      'courses/a-course/03-third.md': '---\ntitle: [unclosed\n---\nBody\n',
    });
    const cacheDir = path.join(folder.root, 'cache');
    await expect(make({ cacheDir }).build()).rejects.toThrow(
      /content\/courses\/a-course\/03-third.md:2:\d+ {2}yaml/,
    );
    const kept = await readdir(cacheDir).catch(() => []);
    expect(kept.filter((name) => name.startsWith('build-'))).toEqual([]);
  });
});
