import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp, createRequestListener } from '../app.js';
import { loadContent, renderContent, type BuildInput } from '../build-site.js';
import { createRenderCache } from '../content/render-cache.js';
import {
  ContentError,
  formatProblem,
  summarizeProblems,
  type ContentProblem,
} from '../content/content-problem.js';
import type { Site } from '../content/model.js';
import { holdSite } from '../http/site-holder.js';
import type { NoticeModel } from '../pages/view-model.js';
import { CLIENT_URL, createLiveReload } from './live-reload.js';
import { watchFolders } from './watch.js';

export interface DevServerOptions extends BuildInput {
  readonly port: number;
  readonly host: string;
  readonly log: (line: string) => void;
  readonly debounceMs?: number;
}

export interface DevServer {
  readonly url: string;
  /** Resolves after the next rebuild has been swapped in (for tests and tools). */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

// Served while the very first load has errors: there is no last good site yet.
const EMPTY_SITE: Site = Object.freeze({
  title: 'Lectern',
  description: 'The content has errors.',
  url: undefined,
  language: 'en',
  organization: Object.freeze({ name: 'Lectern', url: 'http://localhost' }),
  themeColor: '#5b3cc4',
  courses: Object.freeze([]),
  assets: Object.freeze([]),
});

// A file read in the middle of being written fails to parse; one retry after the write settles.
const HALF_WRITTEN_RETRY_MS = 150;

function notice(problem: ContentProblem): NoticeModel {
  return {
    where: `${problem.file}:${problem.line}:${problem.column}`,
    field: problem.field,
    message: problem.message,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A full garbage collection, available to this process without --expose-gc. */
function fullCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const collectGarbage = fullCollector();
  // Markdown of the files a save did not touch is not rendered again.
  const renderCache = createRenderCache();
  const liveReload = createLiveReload();
  const client = await readFile(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'client/live-reload.js'),
  );
  const devScripts = [{ url: CLIENT_URL, body: client }];
  let lastGood: Site | undefined;
  let hadErrors = false;
  let waiters: (() => void)[] = [];

  const load = async (retry: boolean) => {
    try {
      return await loadContent(options, renderCache);
    } catch (error) {
      if (!(error instanceof ContentError) || !retry) throw error;
      await delay(HALF_WRITTEN_RETRY_MS);
      return loadContent(options, renderCache);
    }
  };

  const build = async (afterChange: boolean) => {
    const started = performance.now();
    let problems: readonly ContentProblem[] = [];
    try {
      const loaded = await load(afterChange);
      lastGood = loaded.site;
      problems = loaded.warnings;
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems = error.problems;
    }
    const errors = problems.filter((p) => p.severity === 'error');
    const rendered = await renderContent(options, lastGood ?? EMPTY_SITE, {
      notices: errors.map(notice),
      devScripts,
    });
    for (const problem of problems) options.log(formatProblem(problem));
    const ms = Math.round(performance.now() - started);
    if (errors.length > 0) {
      options.log(
        `${summarizeProblems(problems, undefined)}\n${lastGood ? 'Serving the last good version' : 'Nothing to serve yet'}; pages show the problems.`,
      );
    } else {
      options.log(
        `${hadErrors ? '✓ Fixed. ' : '✓ '}Built ${rendered.pageUrls.length} pages in ${ms} ms.`,
      );
    }
    hadErrors = errors.length > 0;
    return rendered;
  };

  const holder = holdSite(await build(false));
  const app = createApp(holder, { extraHandlers: [liveReload.handler] });
  const server: Server = createServer(createRequestListener(holder, app));

  let building: Promise<void> = Promise.resolve();
  let pending = false;
  const rebuild = () => {
    if (pending) return;
    pending = true;
    // One build at a time; a change during a build queues exactly one more.
    building = building.then(async () => {
      pending = false;
      try {
        holder.replace(await build(true));
        liveReload.reload();
        // The replaced site is garbage now; collecting it at once keeps a long editing session's
        // memory flat instead of letting the heap grow by a site per save until V8 gets to it.
        collectGarbage();
      } catch (error) {
        options.log(
          `The site could not be rebuilt (a template or asset problem?):\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    });
  };
  const watcher = watchFolders(
    [options.contentDir, options.viewsDir, options.publicDir],
    options.debounceMs ?? 80,
    rebuild,
  );

  await watcher.ready;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      await watcher.close();
      liveReload.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await building;
    },
  };
}
