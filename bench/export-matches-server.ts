import { readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../test/support/default-site.js';
import { isSearchUrl } from '../src/content/urls.js';
import {
  freePort,
  readableTempDir,
  runToEnd,
  spawnKept,
  waitForStatus,
} from '../test/support/processes.js';
import { generateCorpus } from './corpus.js';

/**
 * `npx tsx bench/export-matches-server.ts [--chapters 1000]`: exports a generated corpus and
 * serves it from a server that builds it on its own (no shared cache), then asks the server for
 * every file the export wrote, plain, brotli and gzip, and compares the bytes. Exit 1 on any
 * difference. The 500 page is left out: its request-id placeholder is random in each process.
 */
const SITE_URL = 'https://bench.example.com';
const CODINGS: Readonly<Record<string, string>> = { '.br': 'br', '.gz': 'gzip' };

function get(port: number, url: string, coding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const headers = { host: 'localhost', 'accept-encoding': coding };
    const req = request({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `courses/x/index.html.br` -> the URL `/courses/x/` asked for with `br`. */
function urlOf(file: string): { url: string; coding: string } {
  const extension = path.extname(file);
  const coding = CODINGS[extension] ?? 'identity';
  const plain = coding === 'identity' ? file : file.slice(0, -extension.length);
  if (plain === '404.html') return { url: '/no-such-page-at-all/', coding };
  return { url: `/${plain.replace(/(^|\/)index\.html$/, '$1')}`, coding };
}

async function exportedFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
}

async function compare(outDir: string, port: number): Promise<string[]> {
  const differences: string[] = [];
  for (const file of await exportedFiles(outDir)) {
    const { url, coding } = urlOf(file);
    // The export's search page is the static host's; the server answers /search/ itself.
    if (isSearchUrl(url)) continue;
    const [written, served] = await Promise.all([
      readFile(path.join(outDir, file)),
      get(port, url, coding),
    ]);
    if (!written.equals(served)) differences.push(`${file} (${url}, ${coding})`);
  }
  return differences;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { chapters: { type: 'string', default: '1000' } } });
  const work = await readableTempDir('lectern-match-');
  try {
    const corpus = await generateCorpus(path.join(work, 'content'), {
      chapters: Number(values.chapters),
    });
    const env = { ...process.env, CONTENT_DIR: corpus.dir, SITE_URL, LOG_LEVEL: 'warn' };
    const outDir = path.join(work, 'dist');
    await runToEnd(process.execPath, ['build/export.js'], {
      cwd: ROOT,
      env: { ...env, OUT_DIR: outDir, CACHE_DIR: path.join(work, 'cache') },
    });
    const port = await freePort();
    const server = spawnKept(process.execPath, ['build/server.js'], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', CACHE_DIR: 'off' },
    });
    try {
      const url = `http://127.0.0.1:${port}/`;
      await waitForStatus(url, server.child, { timeoutMs: 120_000, startedAt: performance.now() });
      const files = (await exportedFiles(outDir)).length;
      const differences = await compare(outDir, port);
      console.log(
        differences.length === 0
          ? `The export of ${corpus.chapters} chapters is byte for byte what the server sends: ${files} files.`
          : `${differences.length} of ${files} files differ:\n${differences.slice(0, 20).join('\n')}`,
      );
      process.exitCode = differences.length === 0 ? 0 : 1;
    } finally {
      await server.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
