import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { spawnKept } from '../test/support/processes.js';
import { timedRun } from './process-stats.js';

export const HUGO = process.env.HUGO_PATH ?? '/usr/bin/hugo';

/** Why Hugo cannot run here, or undefined when it can. */
export function hugoMissing(): string | undefined {
  return existsSync(HUGO)
    ? undefined
    : `No hugo at ${HUGO}: apt-get install -y hugo (or set HUGO_PATH)`;
}

export async function hugoVersion(): Promise<string> {
  if (hugoMissing()) return 'not installed';
  const run = spawnKept(HUGO, ['version']);
  await run.exited();
  return /hugo v(\S+)/.exec(run.output())?.[1] ?? 'unknown';
}

export interface HugoBuild {
  readonly wallMs: number;
  readonly peakKiB: number;
}

/**
 * `hugo --quiet -s siteDir -d outDir` under GNU time. Cold removes what an earlier build left:
 * the output, resources/ and Hugo's cache (kept in the site folder, not the user's).
 */
export async function buildWithHugo(siteDir: string, outDir: string, options: { cold: boolean }) {
  const cacheDir = path.join(siteDir, '.hugo-cache');
  if (options.cold) {
    for (const dir of [outDir, cacheDir, path.join(siteDir, 'resources')]) {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const run = await timedRun(
    HUGO,
    ['--quiet', '-s', siteDir, '-d', outDir, '--cacheDir', cacheDir],
    { timeoutMs: 600_000 },
  );
  return { wallMs: run.wallMs, peakKiB: run.peakKiB } satisfies HugoBuild;
}
