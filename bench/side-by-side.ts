import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from './corpus.js';
import { buildWithHugo, type HugoBuild } from './hugo-build.js';
import { writeHugoSite } from './hugo-site.js';
import {
  measureClusterStart,
  measureExport,
  type ClusterStart,
  type ExportFigures,
} from './measure.js';
import type { Quiet } from './process-stats.js';

/** A measurement and how busy the machine still was in the second before it (% of a core). */
export type Busy<T> = T & { readonly busyBefore: number };

/** Each list holds one run per round. */
export interface ColdWarm<T> {
  readonly cold: readonly Busy<T>[];
  readonly warm: readonly Busy<T>[];
}

export interface SideBySide {
  readonly chapters: number;
  readonly courses: number;
  readonly wordsPerChapter: number;
  readonly hugo: ColdWarm<HugoBuild> | undefined;
  readonly export: ColdWarm<ExportFigures>;
  readonly start: ColdWarm<ClusterStart>;
}

export interface SideBySideOptions {
  readonly rounds: number;
  readonly siteUrl: string;
  /** The export's output folder, left in place for nginx. */
  readonly outDir: string;
  readonly withHugo: boolean;
  readonly quiet: Quiet;
  readonly log: (message: string) => void;
}

async function whenQuiet<T>(quiet: Quiet, measure: () => Promise<T>): Promise<Busy<T>> {
  const busyBefore = await quiet();
  return { ...(await measure()), busyBefore };
}

interface Runs {
  readonly hugo: { cold: Busy<HugoBuild>[]; warm: Busy<HugoBuild>[] };
  readonly export: { cold: Busy<ExportFigures>[]; warm: Busy<ExportFigures>[] };
  readonly start: { cold: Busy<ClusterStart>[]; warm: Busy<ClusterStart>[] };
}

/** Hugo cold then again; Lectern's export cold then warm, its start-up cold then warm. */
async function round(corpus: Corpus, workDir: string, options: SideBySideOptions, runs: Runs) {
  if (options.withHugo) {
    const site = path.join(workDir, `hugo-${corpus.chapters}`);
    const out = path.join(workDir, `hugo-public-${corpus.chapters}`);
    runs.hugo.cold.push(
      await whenQuiet(options.quiet, () => buildWithHugo(site, out, { cold: true })),
    );
    runs.hugo.warm.push(
      await whenQuiet(options.quiet, () => buildWithHugo(site, out, { cold: false })),
    );
  }
  // A new, empty cache folder for each cold run; the warm run after it reuses it.
  const exportCache = await mkdtemp(path.join(workDir, 'export-cache-'));
  await rm(options.outDir, { recursive: true, force: true });
  const exported = { ...options, cacheDir: exportCache };
  runs.export.cold.push(await whenQuiet(options.quiet, () => measureExport(corpus, exported)));
  runs.export.warm.push(await whenQuiet(options.quiet, () => measureExport(corpus, exported)));
  const startCache = await mkdtemp(path.join(workDir, 'start-cache-'));
  const started = { siteUrl: options.siteUrl, cacheDir: startCache };
  runs.start.cold.push(await whenQuiet(options.quiet, () => measureClusterStart(corpus, started)));
  runs.start.warm.push(await whenQuiet(options.quiet, () => measureClusterStart(corpus, started)));
  await rm(exportCache, { recursive: true, force: true });
  await rm(startCache, { recursive: true, force: true });
}

/**
 * Lectern and Hugo on the same chapters, in alternating rounds (Hugo, Lectern, Hugo, Lectern)
 * so that whatever else slows the machine down slows both alike.
 */
export async function sideBySide(corpus: Corpus, workDir: string, options: SideBySideOptions) {
  if (options.withHugo) {
    await writeHugoSite(corpus.dir, path.join(workDir, `hugo-${corpus.chapters}`), options.siteUrl);
  }
  const runs: Runs = {
    hugo: { cold: [], warm: [] },
    export: { cold: [], warm: [] },
    start: { cold: [], warm: [] },
  };
  for (let index = 1; index <= options.rounds; index++) {
    const who = options.withHugo ? 'Hugo, then Lectern' : 'Lectern';
    options.log(`${corpus.chapters} chapters, round ${index} of ${options.rounds}: ${who}`);
    await round(corpus, workDir, options, runs);
  }
  return {
    chapters: corpus.chapters,
    courses: corpus.courses,
    wordsPerChapter: corpus.wordsPerChapter,
    hugo: options.withHugo ? runs.hugo : undefined,
    export: runs.export,
    start: runs.start,
  } satisfies SideBySide;
}
