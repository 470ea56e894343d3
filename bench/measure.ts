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
import { memoryOf, timedRun } from './process-stats.js';

export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** The core the server under test runs on; the load generator gets the other one. */
export const SERVER_CPU = 1;
export const LOAD_CPU = 0;

export interface ExportFigures {
  readonly wallMs: number;
  readonly peakKiB: number;
  /** What the export itself printed ("Exported N pages (M files) ... in X ms"). */
  readonly summary: string;
}

/** `npm run build` with CONTENT_DIR and OUT_DIR: `tsx src/export.ts`, under GNU time. */
export async function measureExport(corpus: Corpus, outDir: string, siteUrl: string) {
  const run = await timedRun(TSX, ['src/export.ts'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: corpus.dir, OUT_DIR: outDir, SITE_URL: siteUrl },
    timeoutMs: 600_000,
  });
  const summary = /^Exported .*$/m.exec(run.output)?.[0] ?? '';
  return { wallMs: run.wallMs, peakKiB: run.peakKiB, summary } satisfies ExportFigures;
}

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  readonly startupMs: number;
  readonly rssKiB: number;
  readonly process: Spawned;
}

/** How long the server takes to settle after its first answer before its memory is read. */
const SETTLE_MS = 1_000;

/**
 * The production server as `npm start` runs each process (build/server.js, compiled beforehand),
 * pinned to one core, timed from spawn to the first 200 for a chapter page.
 */
export async function startProductionServer(corpus: Corpus, siteUrl?: string) {
  const port = await freePort();
  const startedAt = performance.now();
  const spawned = spawnKept(
    'taskset',
    ['-c', String(SERVER_CPU), process.execPath, path.join(ROOT, 'build/server.js')],
    {
      cwd: ROOT,
      // Its access log (a JSON line per request on stdout) is written, as in production, but
      // to /dev/null: a reader in this process would take CPU from the server or from wrk.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        CONTENT_DIR: corpus.dir,
        SITE_URL: siteUrl ?? `http://127.0.0.1:${port}`,
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const startupMs = await waitForStatus(`${url}${corpus.sampleChapterUrl}`, spawned.child, {
      timeoutMs: 600_000,
      startedAt,
      intervalMs: 10,
    });
    await delay(SETTLE_MS);
    const pid = spawned.child.pid ?? 0;
    const memory = await memoryOf(pid);
    return {
      url,
      pid,
      startupMs,
      rssKiB: memory?.rssKiB ?? 0,
      process: spawned,
    } satisfies RunningServer;
  } catch (error) {
    await spawned.stop();
    throw new Error(`The server did not start: ${(error as Error).message}\n${spawned.output()}`);
  }
}
