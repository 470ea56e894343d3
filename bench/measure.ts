import path from 'node:path';
import { ROOT } from '../test/support/default-site.js';
import {
  delay,
  freePort,
  spawnKept,
  waitForStatus,
  type Spawned,
} from '../test/support/processes.js';
import type { Corpus } from './corpus.js';
import { descendantsOf, memoryOf, timedRun } from './process-stats.js';

export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** The core the server under test runs on; the load generator gets the other one. */
export const SERVER_CPU = 1;
export const LOAD_CPU = 0;

/**
 * The environment of every Lectern process the bench starts. LOG_LEVEL is left out so that
 * each runs with its default access log, whatever the shell running the bench has set.
 */
export function lecternEnv(vars: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  delete env.LOG_LEVEL;
  return env;
}

/** One line of the export's stage-by-stage breakdown (`stage read 120 ms`, LECTERN_TIMINGS=1). */
export interface Stage {
  readonly name: string;
  /** NaN when the line gives no `N ms`. */
  readonly ms: number;
}

export function parseStages(output: string): Stage[] {
  return [...output.matchAll(/^stage (.+)$/gm)].map((match) => {
    const line = (match[1] ?? '').trim();
    const timed = /^(.*?)\s+(\d+(?:\.\d+)?)\s*ms\b/.exec(line);
    return timed ? { name: timed[1] ?? '', ms: Number(timed[2]) } : { name: line, ms: Number.NaN };
  });
}

export interface ExportFigures {
  readonly wallMs: number;
  readonly peakKiB: number;
  /** What the export itself printed ("Exported N pages (M files) ... in X ms"). */
  readonly summary: string;
  readonly stages: readonly Stage[];
}

/**
 * `npm run build` as compiled JavaScript (build/export.js: TypeScript's compilation is not
 * what is measured) with CONTENT_DIR, OUT_DIR and CACHE_DIR, under GNU time.
 */
export async function measureExport(
  corpus: Corpus,
  options: { outDir: string; cacheDir: string; siteUrl: string },
) {
  const run = await timedRun(process.execPath, [path.join(ROOT, 'build/export.js')], {
    cwd: ROOT,
    env: lecternEnv({
      CONTENT_DIR: corpus.dir,
      OUT_DIR: options.outDir,
      CACHE_DIR: options.cacheDir,
      SITE_URL: options.siteUrl,
      LECTERN_TIMINGS: '1',
    }),
    timeoutMs: 600_000,
  });
  return {
    wallMs: run.wallMs,
    peakKiB: run.peakKiB,
    summary: /^Exported .*$/m.exec(run.output)?.[0] ?? '',
    stages: parseStages(run.output),
  } satisfies ExportFigures;
}

/** How long the server takes to settle after its first answer before its memory is read. */
const SETTLE_MS = 1_000;

/** Resident memory of `pid` and of every process under it, `pid` first, in KiB. */
async function treeRss(pid: number): Promise<number[]> {
  const pids = [pid, ...(await descendantsOf(pid))];
  const memory = await Promise.all(pids.map(memoryOf));
  return memory.flatMap((m) => (m ? [m.rssKiB] : []));
}

export interface ClusterStart {
  readonly startupMs: number;
  /** When `npm start`'s "N server processes at" line came, if it came within the settling. */
  readonly allListeningMs: number | undefined;
  /** The primary's resident memory, then each worker's, 1 s after the first answer (KiB). */
  readonly rssKiB: readonly number[];
}

function watchForListening(spawned: Spawned, startedAt: number): { ms?: number } {
  const seen: { ms?: number } = {};
  spawned.child.stdout?.on('data', (chunk: Buffer) => {
    if (seen.ms === undefined && /server process(es)? at /.test(chunk.toString('utf8'))) {
      seen.ms = performance.now() - startedAt;
    }
  });
  return seen;
}

/**
 * `npm start` without its compilation: build/start.js (the primary and WEB_CONCURRENCY=2
 * workers, unpinned), timed from spawn to the first 200 for a chapter page; then the resident
 * memory of every process of the tree, and the server is stopped.
 */
export async function measureClusterStart(
  corpus: Corpus,
  options: { cacheDir: string; siteUrl: string },
) {
  const port = await freePort();
  const startedAt = performance.now();
  const spawned = spawnKept(process.execPath, [path.join(ROOT, 'build/start.js')], {
    cwd: ROOT,
    // The workers' access log goes to stdout, which is kept only for the "listening" line.
    env: lecternEnv({
      NODE_ENV: 'production',
      WEB_CONCURRENCY: '2',
      HOST: '127.0.0.1',
      PORT: String(port),
      CONTENT_DIR: corpus.dir,
      CACHE_DIR: options.cacheDir,
      SITE_URL: options.siteUrl,
    }),
  });
  const listening = watchForListening(spawned, startedAt);
  try {
    const startupMs = await waitForStatus(
      `http://127.0.0.1:${port}${corpus.sampleChapterUrl}`,
      spawned.child,
      { timeoutMs: 600_000, startedAt, intervalMs: 10 },
    );
    await delay(SETTLE_MS);
    const rssKiB = await treeRss(spawned.child.pid ?? 0);
    return { startupMs, allListeningMs: listening.ms, rssKiB } satisfies ClusterStart;
  } catch (error) {
    throw new Error(`npm start did not start: ${(error as Error).message}\n${spawned.output()}`);
  } finally {
    await spawned.stop('SIGTERM', 10_000);
  }
}

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  readonly process: Spawned;
}

/**
 * One server process as `npm start` runs each (build/server.js, compiled beforehand), pinned to
 * one core, for the load test: ready once it answers a chapter page.
 */
export async function startProductionServer(
  corpus: Corpus,
  options: { cacheDir: string; siteUrl: string },
) {
  const port = await freePort();
  const spawned = spawnKept(
    'taskset',
    ['-c', String(SERVER_CPU), process.execPath, path.join(ROOT, 'build/server.js')],
    {
      cwd: ROOT,
      // Its access log (a JSON line per request on stdout) is written, as in production, but
      // to /dev/null: a reader in this process would take CPU from the server or from wrk.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: lecternEnv({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        CONTENT_DIR: corpus.dir,
        CACHE_DIR: options.cacheDir,
        SITE_URL: options.siteUrl,
      }),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStatus(`${url}${corpus.sampleChapterUrl}`, spawned.child, {
      timeoutMs: 600_000,
      startedAt: performance.now(),
      intervalMs: 10,
    });
    return { url, pid: spawned.child.pid ?? 0, process: spawned } satisfies RunningServer;
  } catch (error) {
    await spawned.stop();
    throw new Error(`The server did not start: ${(error as Error).message}\n${spawned.output()}`);
  }
}
