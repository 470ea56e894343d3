import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { createSearchIndex } from '../src/search/search-index.js';
import type { SearchDocument } from '../src/search/search-documents.js';
import { STATIC_INDEX_URL } from '../src/search/static-index.js';
import { ROOT } from '../test/support/default-site.js';
import type { Corpus } from './corpus.js';
import { chaptersLabel, ms, table } from './format.js';
import { startProductionServer } from './measure.js';
import { seededRandom } from './random.js';
import { median, percentile } from './stats.js';

/** Search at one corpus size: the index, the server's answers, and what a browser fetches. */
export interface SearchFigures {
  readonly chapters: number;
  /** MiniSearch over every page's document, in one go (what a server process does at its first query). */
  readonly buildMs: number;
  /** The index as MiniSearch serialises it (JSON), for scale. */
  readonly indexBytes: number;
  /** The static index's files in the export: how many, plain bytes, brotli bytes. */
  readonly staticFiles: number;
  readonly staticBytes: number;
  readonly staticBrotliBytes: number;
  /** A fresh server process's first answer (it makes its index then), and the next ones. */
  readonly firstQueryMs: number;
  readonly queries: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Brotli bytes a browser with an empty cache fetches for one query on the export. */
  readonly browserMedianBytes: number;
  readonly browserMaxBytes: number;
  /** Of which the entry file, fetched once per visit. */
  readonly entryBrotliBytes: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The export's page files are the documents the index was made from. */
async function exportedDocuments(outDir: string): Promise<SearchDocument[]> {
  const files = (await filesUnder(path.join(outDir, 'search/pages'))).filter((f) =>
    f.endsWith('.json'),
  );
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as SearchDocument),
  );
}

/** Words, prefixes, one-typo words and pairs, picked from the pages' own text. */
function sampleQueries(documents: readonly SearchDocument[], count: number): string[] {
  const random = seededRandom(20_241_201);
  const pick = <T>(list: readonly T[]) => random.pick(list);
  const word = () => {
    const text = pick(pick(documents).sections.filter((s) => s.text !== '')).text;
    const words = text.split(/[^\p{L}]+/u).filter((w) => w.length >= 6);
    return (words.length > 0 ? pick(words) : 'course').toLowerCase();
  };
  const typo = (w: string) => w.slice(0, 2) + w[3] + w[2] + w.slice(4);
  const makers = [word, () => word().slice(0, 4), () => typo(word()), () => `${word()} ${word()}`];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}

async function staticSizes(outDir: string) {
  const files = await filesUnder(path.join(outDir, 'search'));
  const plain = files.filter((f) => f.endsWith('.json'));
  const size = async (file: string) => (await stat(file)).size;
  const sum = async (list: string[]) =>
    (await Promise.all(list.map(size))).reduce((a, b) => a + b, 0);
  const brotli = await Promise.all(plain.map((f) => size(`${f}.br`).catch(() => size(f))));
  return {
    staticFiles: plain.length,
    staticBytes: await sum(plain),
    staticBrotliBytes: brotli.reduce((a, b) => a + b, 0),
  };
}

type StaticSearch = (
  library: typeof MiniSearch,
  load: (url: string) => Promise<unknown>,
  indexUrl: string,
  query: string,
  page: number,
) => Promise<unknown>;

/** public/js/search.js's own search, run on the export's files, counting the bytes it reads. */
async function browserBytes(outDir: string, queries: readonly string[]) {
  const context = vm.createContext({});
  vm.runInContext(await readFile(path.join(ROOT, 'public/js/search.js'), 'utf8'), context);
  const searchStatic = (context as { searchStatic: StaticSearch }).searchStatic;
  const totals: number[] = [];
  for (const query of queries) {
    let bytes = 0;
    const seen = new Map<string, Promise<unknown>>();
    const load = (url: string) => {
      if (!seen.has(url)) {
        const file = path.join(outDir, url);
        const read = async () => {
          const size = await stat(`${file}.br`).then(
            (s) => s.size,
            () => stat(file).then((s) => s.size),
          );
          bytes += size;
          return JSON.parse(await readFile(file, 'utf8')) as unknown;
        };
        seen.set(url, read());
      }
      return seen.get(url)!;
    };
    await searchStatic(MiniSearch, load, STATIC_INDEX_URL, query, 1);
    totals.push(bytes);
  }
  const entry = path.join(outDir, STATIC_INDEX_URL);
  const entryBrotliBytes = await stat(`${entry}.br`).then(
    (s) => s.size,
    () => stat(entry).then((s) => s.size),
  );
  return {
    browserMedianBytes: percentile(totals, 0.5),
    browserMaxBytes: Math.max(...totals),
    entryBrotliBytes,
  };
}

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** One production server process (build/server.js on its core), queried one request at a time. */
async function serverLatency(corpus: Corpus, cacheDir: string, queries: readonly string[]) {
  const server = await startProductionServer(corpus, {
    siteUrl: 'https://bench.example.com',
    cacheDir,
  });
  try {
    const ask = (query: string) => timedGet(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    const firstQueryMs = await ask(queries[0]!);
    for (const query of queries.slice(0, 50)) await ask(query);
    const times: number[] = [];
    for (const query of queries) times.push(await ask(query));
    return {
      firstQueryMs,
      queries: times.length,
      p50Ms: percentile(times, 0.5),
      p99Ms: percentile(times, 0.99),
    };
  } finally {
    await server.process.stop();
  }
}

/** Search's figures for a corpus whose export is in outDir. */
export async function measureSearch(
  corpus: Corpus,
  outDir: string,
  cacheDir: string,
): Promise<SearchFigures> {
  const documents = await exportedDocuments(outDir);
  const builds: number[] = [];
  let indexBytes = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const index = createSearchIndex(documents);
    builds.push(performance.now() - started);
    indexBytes = Buffer.byteLength(JSON.stringify(index.miniSearch));
  }
  const queries = sampleQueries(documents, 400);
  return {
    chapters: corpus.chapters,
    buildMs: median(builds),
    indexBytes,
    ...(await staticSizes(outDir)),
    ...(await serverLatency(corpus, cacheDir, queries)),
    ...(await browserBytes(outDir, queries.slice(0, 100))),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const mibOf = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The table BENCHMARKS.md shows, one row per size. */
export function searchTable(figures: readonly SearchFigures[]): string {
  return table(
    [
      'size',
      'index build',
      'index (JSON)',
      'static index: files, plain, brotli',
      'server: first query, p50, p99',
      'browser query: median, max (entry)',
    ],
    figures.map((f) => [
      chaptersLabel(f.chapters),
      ms(f.buildMs),
      mibOf(f.indexBytes),
      `${f.staticFiles.toLocaleString('en-US')}, ${mibOf(f.staticBytes)}, ${mibOf(f.staticBrotliBytes)}`,
      `${ms(f.firstQueryMs)}, ${ms(f.p50Ms)}, ${ms(f.p99Ms)} (${f.queries} queries)`,
      `${kib(f.browserMedianBytes)}, ${kib(f.browserMaxBytes)} (${kib(f.entryBrotliBytes)})`,
    ]),
  );
}

// Issue 14's goals: a server answers in under 5 ms at p99, a browser query on the export reads
// at most 300 KB, both at 4,000 chapters.
const P99_GOAL_MS = 5;
const BROWSER_GOAL_BYTES = 300 * 1000;

export function searchGoals(figures: readonly SearchFigures[]): string[] {
  return figures.map((f) => {
    const p99 = f.p99Ms < P99_GOAL_MS ? 'met' : 'not met';
    const bytes = f.browserMaxBytes <= BROWSER_GOAL_BYTES ? 'met' : 'not met';
    return `- ${chaptersLabel(f.chapters)}: server p99 under ${P99_GOAL_MS} ms: ${p99} (${ms(f.p99Ms)}); a browser query at most 300 KB: ${bytes} (${kib(f.browserMaxBytes)} at most).`;
  });
}
