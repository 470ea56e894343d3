import cluster from 'node:cluster';
import { rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from './build/pipeline.js';
import { writeSnapshot } from './build/site-snapshot.js';
import { pipelineOptionsFor } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig, type Config } from './config.js';
import { ContentError, formatProblem } from './content/content-problem.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { describeStartupError } from './startup-error.js';

/** Builds the site once, on every core, into a file each server process then reads. */
async function buildOnce(config: Config): Promise<{ snapshot: string; siteUrl: string }> {
  const pipeline = createPipeline(pipelineOptionsFor(config, process.cwd()));
  try {
    const { site, problems } = await pipeline.loadContent();
    if (!site) throw new ContentError(problems);
    for (const warning of problems) console.warn(formatProblem(warning));
    const rendered = await pipeline.renderSite(site);
    const siteUrl = pipeline.siteUrlFor(site);
    if (config.production && !config.siteUrl && !site.url)
      console.warn(
        `Canonical links say ${siteUrl}: set SITE_URL (or url in site.yaml) to the public address.`,
      );
    const dir = config.cacheDir ?? os.tmpdir();
    await mkdir(dir, { recursive: true }).catch(() => undefined);
    const snapshot = path.join(dir, `site-${process.pid}.snapshot`);
    try {
      await writeSnapshot(rendered, captureHeaders(securityHeaders()), snapshot);
      return { snapshot, siteUrl };
    } catch {
      // An unwritable cache folder has been said already; the system's temporary folder will do.
      const fallback = path.join(os.tmpdir(), `lectern-site-${process.pid}.snapshot`);
      await writeSnapshot(rendered, captureHeaders(securityHeaders()), fallback);
      return { snapshot: fallback, siteUrl };
    }
  } finally {
    await pipeline.close();
  }
}

/**
 * Forks the server processes; they share the port through node:cluster and serve the same
 * snapshot (they hold no state, so any of them can answer any request). A process that stops
 * before it listens (port in use) would fail again: everything stops with its exit code. One
 * that dies after serving is replaced.
 */
function serve(count: number, snapshot: string, siteUrl: string): void {
  cluster.setupPrimary({
    exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.js'),
    args: ['--snapshot', snapshot, '--site-url', siteUrl],
  });
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  let ready = 0;
  const fork = () => {
    let listened = false;
    const worker = cluster.fork();
    worker.once('listening', (address) => {
      listened = true;
      // The workers log JSON for collectors; the person who typed npm start gets one plain line.
      if (++ready === count) {
        const processes = `${count} server ${count === 1 ? 'process' : 'processes'}`;
        console.log(`Lectern: ${processes} at http://localhost:${address.port}/`);
      }
    });
    worker.once('exit', (code) => {
      if (stopping) return;
      if (!listened) {
        process.exitCode = code || 1;
        stopAll('SIGTERM');
        return;
      }
      console.error(`A server process stopped (exit code ${code}); starting another.`);
      fork();
    });
  };
  for (let i = count; i > 0; i--) fork();
  process.once('SIGTERM', () => stopAll('SIGTERM'));
  process.once('SIGINT', () => stopAll('SIGINT'));
  // A replacement process reads it too: it goes when the primary does.
  process.once('exit', () => rmSync(snapshot, { force: true }));
}

async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const { snapshot, siteUrl } = await buildOnce(config);
  serve(config.concurrency, snapshot, siteUrl);
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
