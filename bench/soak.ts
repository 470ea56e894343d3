import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { delay, type Spawned } from '../test/support/processes.js';
import { REVISION_LINE, revisionLine } from './chapter-markdown.js';
import type { Corpus } from './corpus.js';
import { chapterUrlOf, pageContains, startDevServer } from './dev-server.js';
import { LOAD_CPU, SERVER_CPU } from './measure.js';
import { innermostProcess, memoryOf, waitForQuiet, type Quiet } from './process-stats.js';
import { runWrk, type LoadResult } from './wrk.js';

export interface SoakOptions {
  readonly seconds: number;
  readonly connections: number;
  readonly edits: number;
}

export interface SoakFigures extends SoakOptions {
  readonly chapters: number;
  readonly load: LoadResult;
  /** Rebuilds the development server reported ("Built N pages in X ms") after the edits began. */
  readonly rebuilds: readonly Build[];
  readonly warmRssKiB: number | undefined;
  readonly endRssKiB: number;
  readonly peakRssKiB: number;
  /** Whether the page of the last edit shows it once the server has settled. */
  readonly lastEditServed: boolean;
}

/** Spaces `count` edits evenly over the middle of the run, leaving its first and last seconds alone. */
export function editTimes(count: number, seconds: number): number[] {
  const start = Math.min(5, seconds / 10) * 1000;
  const span = seconds * 1000 - 2 * start;
  return Array.from({ length: count }, (_, i) => start + (span * i) / Math.max(1, count - 1));
}

/** One valid edit: the chapter's revision line gets a new number. */
async function editChapter(file: string, revision: number): Promise<void> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(REVISION_LINE, revisionLine(revision)));
}

async function makeEdits(corpus: Corpus, options: SoakOptions, started: number): Promise<string> {
  let last = '';
  const times = editTimes(options.edits, options.seconds);
  for (const [index, at] of times.entries()) {
    await delay(Math.max(0, started + at - performance.now()));
    // A stride through the chapters: each edit touches a different file, across every course.
    const relative = corpus.chapterFiles[(index * 37) % corpus.chapterFiles.length] ?? '';
    await editChapter(path.join(corpus.dir, relative), index + 1);
    last = relative;
  }
  return last;
}

export interface Build {
  readonly ms: number;
  /** The server's resident memory as the build was announced, once its pid is known. */
  rssKiB: number | undefined;
}

/** Watches the dev server's log for completed builds: duration, and memory right after. */
function watchBuilds(server: Spawned, pidOf: () => number | undefined): Build[] {
  const builds: Build[] = [];
  let partial = '';
  server.child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const ms = /Built \d+ pages in (\d+) ms/.exec(line)?.[1];
      if (!ms) continue;
      const build: Build = { ms: Number(ms), rssKiB: undefined };
      builds.push(build);
      const pid = pidOf();
      if (pid) void memoryOf(pid).then((memory) => (build.rssKiB = memory?.rssKiB));
    }
  });
  return builds;
}

/**
 * Issue 7's soak: the development server on a copy of the corpus, under load for `seconds`,
 * while `edits` valid edits land on chapter files. Reports errors, and resident memory once warm
 * (after the first rebuild) against the end (after the last rebuild has settled).
 */
export async function soak(
  corpus: Corpus,
  workDir: string,
  options: SoakOptions,
  quiet: Quiet = waitForQuiet,
) {
  const contentDir = path.join(workDir, 'soak-content');
  await cp(corpus.dir, contentDir, { recursive: true });
  const copy: Corpus = { ...corpus, dir: contentDir };
  const { url, server } = await startDevServer(contentDir, {
    readyPath: corpus.sampleChapterUrl,
    cacheDir: path.join(workDir, 'soak-cache'),
    cpu: SERVER_CPU,
  });
  const found: { pid?: number } = {};
  const builds = watchBuilds(server, () => found.pid);
  try {
    const pid = await innermostProcess(server.child.pid ?? 0, /\bnode\b.*src\/cli\/dev\.ts/);
    found.pid = pid;
    await quiet();
    const initialBuilds = builds.length;
    let peakRssKiB = 0;
    const sampler = setInterval(() => {
      void memoryOf(pid).then((memory) => {
        peakRssKiB = Math.max(peakRssKiB, memory?.rssKiB ?? 0);
      });
    }, 250);
    const started = performance.now();
    const [load, lastFile] = await Promise.all([
      runWrk({
        url: `${url}${corpus.sampleChapterUrl}`,
        connections: options.connections,
        seconds: options.seconds,
        cpu: LOAD_CPU,
        timeoutSeconds: 5,
      }),
      makeEdits(copy, options, started),
    ]);
    const lastEditServed = await settle(
      `${url}${chapterUrlOf(lastFile)}`,
      revisionLine(options.edits),
    );
    clearInterval(sampler);
    const end = await memoryOf(pid);
    return {
      ...options,
      chapters: corpus.chapters,
      load,
      rebuilds: builds.slice(initialBuilds),
      // Warm: the first rebuild has run, so a second site has been built beside the first.
      warmRssKiB: builds[initialBuilds]?.rssKiB,
      endRssKiB: end?.rssKiB ?? 0,
      peakRssKiB: Math.max(peakRssKiB, end?.peakKiB ?? 0),
      lastEditServed,
    } satisfies SoakFigures;
  } finally {
    await server.stop('SIGTERM', 10_000);
  }
}

/** Waits (two minutes at most) for the last edit to be served, then a little for memory to settle. */
async function settle(pageUrl: string, text: string): Promise<boolean> {
  const marker = text.replace(/^_|_$/g, '');
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (await pageContains(pageUrl, marker)) {
      await delay(2_000);
      return true;
    }
    await delay(500);
  }
  return false;
}
