import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, createRequestListener } from '../app.js';
import { createPipeline, type Pipeline } from '../build/pipeline.js';
import { pipelineOptions, type BuildInput } from '../build-site.js';
import {
  formatProblem,
  summarizeProblems,
  type ContentProblem,
} from '../content/content-problem.js';
import type { Site } from '../content/model.js';
import { createLecternServer } from '../http/create-server.js';
import { captureHeaders, securityHeaders } from '../http/security-headers.js';
import { holdSite } from '../http/site-holder.js';
import { silentLogger } from '../log/logger.js';
import type { NoticeModel } from '../pages/view-model.js';
import type { DevScript, RenderedSite } from '../render/render-site.js';
import { CLIENT_URL, createLiveReload } from './live-reload.js';
import { isLocalRequest, refuseRemote } from './local-host.js';
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
  languages: Object.freeze([
    Object.freeze({
      language: 'en',
      home: '/',
      title: 'Lectern',
      description: 'The content has errors.',
    }),
  ]),
  locales: Object.freeze([]),
  organization: Object.freeze({ name: 'Lectern', url: 'http://localhost' }),
  themeColor: '#5b3cc4',
  courses: Object.freeze([]),
  assets: Object.freeze([]),
});

// A file read in the middle of being written fails to parse; one retry after the write settles.
const HALF_WRITTEN_RETRY_MS = 100;

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

/** Loads, rebuilds and reports: the last good site is kept whenever the content has errors. */
function createBuilder(pipeline: Pipeline, options: DevServerOptions, devScripts: DevScript[]) {
  let lastGood: Site | undefined;
  let hadErrors = false;
  const load = async (changed: readonly string[] | undefined) => {
    const loaded = await pipeline.loadContent(changed);
    if (loaded.site || !changed) return loaded;
    await delay(HALF_WRITTEN_RETRY_MS);
    // Every path again: the retry must read the files the first attempt read half-written.
    return pipeline.loadContent(changed);
  };
  const report = (problems: readonly ContentProblem[], pages: number, ms: number) => {
    const errors = problems.filter((p) => p.severity === 'error');
    for (const problem of problems) options.log(formatProblem(problem));
    if (errors.length > 0) {
      const serving = lastGood ? 'Serving the last good version' : 'Nothing to serve yet';
      options.log(
        `${summarizeProblems(problems, undefined)}\n${serving}; pages show the problems.`,
      );
    } else options.log(`${hadErrors ? '✓ Fixed. ' : '✓ '}Built ${pages} pages in ${ms} ms.`);
    hadErrors = errors.length > 0;
  };
  return async (changed?: readonly string[]): Promise<RenderedSite> => {
    const started = performance.now();
    const loaded = await load(changed);
    lastGood = loaded.site ?? lastGood;
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    const rendered = await pipeline.renderSite(lastGood ?? EMPTY_SITE, {
      notices: errors.map(notice),
      devScripts,
      // This server answers every query itself: no static index to make again on each save.
      staticSearchIndex: false,
    });
    report(loaded.problems, rendered.pageUrls.length, Math.round(performance.now() - started));
    return rendered;
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const pipeline = createPipeline(pipelineOptions(options));
  const liveReload = createLiveReload();
  const client = await readFile(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'client/live-reload.js'),
  );
  const build = createBuilder(pipeline, options, [{ url: CLIENT_URL, body: client }]);
  const holder = holdSite(await build());
  // The editor reads the build's messages in the terminal, not access lines.
  const logger = silentLogger();
  const app = createApp(holder, { extraHandlers: [liveReload.handler], logger });
  const listener = createRequestListener(holder, app, { logger });
  const server = createLecternServer({
    listener: (req, res) =>
      isLocalRequest(req, options.host) ? listener(req, res) : refuseRemote(res),
    headers: captureHeaders(securityHeaders()),
    logger,
  });

  let waiters: (() => void)[] = [];
  let building: Promise<void> = Promise.resolve();
  let changed = new Set<string>();
  const rebuild = (files: readonly string[]) => {
    const idle = changed.size === 0;
    for (const file of files) changed.add(file);
    if (!idle) return;
    // One build at a time; changes during a build are gathered for exactly one more.
    building = building.then(async () => {
      const batch = [...changed];
      changed = new Set();
      try {
        holder.replace(await build(batch));
        liveReload.reload();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        options.log(`The site could not be rebuilt (a template or asset problem?):\n${message}`);
      }
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    });
  };
  const watcher = watchFolders(
    [options.contentDir, options.viewsDir, options.publicDir],
    options.debounceMs ?? 10,
    rebuild,
  );
  await watcher.ready;
  await listen(server, options.port, options.host);
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
      await pipeline.close();
    },
  };
}
