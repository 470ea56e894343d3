import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPath, writeSite } from '../../src/render/write-site.js';
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
    const urls = [...site.built.rendered.responses.keys()];
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
