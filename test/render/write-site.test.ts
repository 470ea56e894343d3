import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSearchUrl } from '../../src/content/urls.js';
import { checkOutDir, EXPORT_MARKER, exportPath, writeSite } from '../../src/render/write-site.js';
import { fixtureListener } from '../support/fixture-site.js';
import { rawGet } from '../support/raw-get.js';

let site: Awaited<ReturnType<typeof fixtureListener>>;
let outDir: string;
let written: number;

beforeAll(async () => {
  site = await fixtureListener();
  outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'lectern-export-')), 'dist');
  written = await writeSite(site.built.rendered, outDir);
});

afterAll(() => rm(path.dirname(outDir), { recursive: true, force: true }));

describe('exportPath', () => {
  it('writes directory-style URLs as index.html files', () => {
    expect(exportPath('/')).toBe('index.html');
    expect(exportPath('/courses/x/')).toBe('courses/x/index.html');
    expect(exportPath('/assets/css/site.0123456789.css')).toBe('assets/css/site.0123456789.css');
  });
});

describe('writeSite', () => {
  it('writes every page and asset byte for byte as the server sends it', async () => {
    // The export's search pages are the static host's; the server answers /search/ itself.
    const urls = [...site.built.rendered.responses.keys()].filter((url) => !isSearchUrl(url));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      const served = await rawGet(site.listener, url, { 'accept-encoding': 'identity' });
      const written = await readFile(path.join(outDir, exportPath(url)));
      expect(written.equals(served.body), url).toBe(true);
    }
  });

  it('counts every file it writes', async () => {
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((e) =>
      e.isFile(),
    );
    expect(written).toBe(files.length);
  });

  it('writes precompressed copies that decompress to the same bytes', async () => {
    const file = path.join(outDir, 'courses/our-principles/index.html');
    const html = await readFile(file);
    expect(brotliDecompressSync(await readFile(`${file}.br`)).equals(html)).toBe(true);
    expect(gunzipSync(await readFile(`${file}.gz`)).equals(html)).toBe(true);
  });

  it('writes the 404 page that static hosts serve for unknown URLs', async () => {
    const served = await rawGet(site.listener, '/no-such-page/', { 'accept-encoding': 'identity' });
    expect(served.status).toBe(404);
    expect((await readFile(path.join(outDir, '404.html'))).equals(served.body)).toBe(true);
  });
});

describe('checkOutDir', () => {
  const project = '/srv/lectern';
  const read = ['/srv/lectern/content', '/srv/lectern/views', '/srv/lectern/public'];

  it.each([
    ['/srv/lectern', 'is the project folder or a folder above it'],
    ['/srv', 'is the project folder or a folder above it'],
    ['/', 'is the project folder or a folder above it'],
    ['/srv/lectern/content', 'would replace /srv/lectern/content, which Lectern reads'],
    ['/srv/lectern/content/courses', 'would replace /srv/lectern/content, which Lectern reads'],
    ['/srv/lectern/public', 'would replace /srv/lectern/public, which Lectern reads'],
  ])('refuses OUT_DIR=%s: it %s', (outDir, reason) => {
    expect(() => checkOutDir(outDir, project, read)).toThrow(`OUT_DIR=${outDir} ${reason}`);
  });

  it('accepts a folder of its own, in the project or elsewhere', () => {
    expect(() => checkOutDir('/srv/lectern/dist', project, read)).not.toThrow();
    expect(() => checkOutDir('/var/www/courses', project, read)).not.toThrow();
  });
});

describe('writeSite over an earlier export', () => {
  async function emptyDir() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-export-'));
    return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }

  it('refuses a folder that holds files no export wrote, and leaves them', async () => {
    const { dir, cleanup } = await emptyDir();
    try {
      await writeFile(path.join(dir, 'thesis.txt'), 'years of work');
      await expect(writeSite(site.built.rendered, dir)).rejects.toThrow(
        `OUT_DIR=${dir} holds files that no Lectern export wrote (no ${EXPORT_MARKER}): empty it or choose another folder`,
      );
      expect(await readFile(path.join(dir, 'thesis.txt'), 'utf8')).toBe('years of work');
    } finally {
      await cleanup();
    }
  });

  it('replaces its own export, linking the files whose bytes did not change', async () => {
    const { dir, cleanup } = await emptyDir();
    try {
      const out = path.join(dir, 'dist');
      const rendered = site.built.rendered;
      await writeSite(rendered, out);
      const before = await stat(path.join(out, 'index.html'));
      // The same site with one page more: a new export, in which the catalog is unchanged.
      const responses = new Map(rendered.responses);
      responses.set('/extra/', rendered.responses.get('/')!);
      await writeSite({ ...rendered, responses }, out);
      const after = await stat(path.join(out, 'index.html'));
      expect(after.ino).toBe(before.ino);
      expect(await readFile(path.join(out, 'extra/index.html'))).toEqual(
        await readFile(path.join(out, 'index.html')),
      );
      expect((await readdir(dir)).sort()).toEqual(['dist']);
    } finally {
      await cleanup();
    }
  });

  it('writes nothing when the folder holds this export already, but restores a file edited by hand', async () => {
    const { dir, cleanup } = await emptyDir();
    try {
      const out = path.join(dir, 'dist');
      await writeSite(site.built.rendered, out);
      const marker = await stat(path.join(out, EXPORT_MARKER));
      await writeSite(site.built.rendered, out);
      expect((await stat(path.join(out, EXPORT_MARKER))).mtimeMs).toBe(marker.mtimeMs);
      const robots = path.join(out, 'robots.txt');
      const original = await readFile(robots);
      // File times tick in jiffies (a few ms): an edit a moment later is newer than the export.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writeFile(robots, original.toString().replace('Sitemap', 'Sitemop'));
      await writeSite(site.built.rendered, out);
      expect(await readFile(robots)).toEqual(original);
    } finally {
      await cleanup();
    }
  });

  it('leaves the earlier export whole when writing the new one fails', async () => {
    const { dir, cleanup } = await emptyDir();
    try {
      const out = path.join(dir, 'dist');
      const rendered = site.built.rendered;
      await writeSite(rendered, out);
      const index = await readFile(path.join(out, 'index.html'));
      // A folder where index.html must be written: the write fails half-way through.
      const responses = new Map(rendered.responses);
      responses.set('/index.html/clash', rendered.responses.get('/')!);
      await expect(writeSite({ ...rendered, responses }, out)).rejects.toThrow(/EISDIR/);
      expect((await readFile(path.join(out, 'index.html'))).equals(index)).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['dist']);
    } finally {
      await cleanup();
    }
  });
});
