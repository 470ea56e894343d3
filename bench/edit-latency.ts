import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { delay, type Spawned } from '../test/support/processes.js';
import type { Corpus } from './corpus.js';
import { chapterUrlOf, pageContains, startDevServer } from './dev-server.js';
import type { Quiet } from './process-stats.js';

/** Milliseconds from each save to the first answer that holds the new text. */
export interface EditSeries {
  readonly ms: readonly number[];
  /** Saves not served within EDIT_TIMEOUT_MS (left out of `ms`). */
  readonly timedOut: number;
}

export interface EditLatency {
  readonly chapters: number;
  /** `npm run dev` from spawn to its first 200 for a chapter page. */
  readonly devStartupMs: number;
  /** How busy the machine still was (% of a core) before the first edit. */
  readonly busyBefore: number;
  readonly body: EditSeries;
  readonly title: EditSeries;
  /** How the development server stopped, when it stopped before the last edit: its last words. */
  readonly stopped: string | undefined;
}

const POLL_MS = 5;
const EDIT_TIMEOUT_MS = 30_000;
// Lets the rebuild after a save finish its tail (live reload, collection) before the next one.
const BETWEEN_EDITS_MS = 500;

type Edit = (text: string, token: string) => string;

/** A sentence at the end of the body: only that chapter's Markdown changes. */
const appendSentence: Edit = (text, token) => `${text}\nThe bench wrote ${token} here.\n`;
/** A new title: the chapter lists and previous/next links of its course change too. */
const retitle: Edit = (text, token) => text.replace(/^title: .*$/m, `title: Retitled ${token}`);

/** `count` chapters spread evenly over the corpus (every course, not one), from `offset`. */
function spreadChapters(corpus: Corpus, count: number, offset: number): string[] {
  const files = corpus.chapterFiles;
  const stride = Math.max(1, Math.floor(files.length / Math.max(1, count)));
  return Array.from({ length: count }, (_, i) => files[(offset + i * stride) % files.length] ?? '');
}

const hasStopped = (server: Spawned) =>
  server.child.exitCode !== null || server.child.signalCode !== null;

/** Polls `url` (a fetch every POLL_MS) until it holds `text`; ms since `startedAt`, or undefined. */
async function servedAfter(server: Spawned, url: string, text: string, startedAt: number) {
  while (performance.now() - startedAt < EDIT_TIMEOUT_MS && !hasStopped(server)) {
    if (await pageContains(url, text)) return performance.now() - startedAt;
    await delay(POLL_MS);
  }
  return undefined;
}

/** The exit and last lines of output of a server that has stopped, or undefined. */
function lastWords(server: Spawned): string | undefined {
  if (!hasStopped(server)) return undefined;
  const lines = server.output().trim().split('\n').slice(-5);
  return `exit ${server.child.exitCode ?? server.child.signalCode}: ${lines.join(' / ')}`;
}

interface Target {
  readonly server: Spawned;
  readonly url: string;
  readonly dir: string;
}

async function editSeries(target: Target, files: readonly string[], edit: Edit) {
  const ms: number[] = [];
  let timedOut = 0;
  for (const [index, relative] of files.entries()) {
    // A server that has stopped serves nothing more: the edits left count as not served.
    if (hasStopped(target.server)) {
      timedOut += files.length - index;
      break;
    }
    const file = path.join(target.dir, relative);
    const text = await readFile(file, 'utf8');
    // Letters and digits only: Markdown, typography and HTML escaping leave it as it is.
    const token = `edit${index}z${Date.now().toString(36)}`;
    const startedAt = performance.now();
    await writeFile(file, edit(text, token));
    const page = `${target.url}${chapterUrlOf(relative)}`;
    const served = await servedAfter(target.server, page, token, startedAt);
    if (served === undefined) timedOut++;
    else ms.push(served);
    await delay(BETWEEN_EDITS_MS);
  }
  return { ms, timedOut } satisfies EditSeries;
}

/**
 * The development server on a copy of the corpus: `edits` saves that add a sentence to a
 * chapter's body, then `edits` that change a chapter's title, each on another chapter, each
 * timed from the write to the first answer of that chapter's page that shows it.
 */
export async function measureEditLatency(
  corpus: Corpus,
  workDir: string,
  options: { edits: number; quiet: Quiet },
) {
  const { edits } = options;
  const contentDir = path.join(workDir, `edit-content-${corpus.chapters}`);
  await cp(corpus.dir, contentDir, { recursive: true });
  const { url, server, startupMs } = await startDevServer(contentDir, {
    readyPath: corpus.sampleChapterUrl,
    cacheDir: path.join(workDir, `edit-cache-${corpus.chapters}`),
  });
  const target = { server, url, dir: contentDir };
  try {
    const busyBefore = await options.quiet();
    const stride = Math.floor(corpus.chapters / Math.max(1, edits));
    const body = await editSeries(target, spreadChapters(corpus, edits, 0), appendSentence);
    const titleFiles = spreadChapters(corpus, edits, Math.floor(stride / 2) + 1);
    const title = await editSeries(target, titleFiles, retitle);
    return {
      chapters: corpus.chapters,
      devStartupMs: startupMs,
      busyBefore,
      body,
      title,
      stopped: lastWords(server),
    } satisfies EditLatency;
  } finally {
    await server.stop('SIGTERM', 10_000);
  }
}
