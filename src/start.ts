import cluster from 'node:cluster';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from './build/pipeline.js';
import { writeSnapshot } from './build/site-snapshot.js';
import { pipelineOptionsFor } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig, type Config } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { describeStartupError } from './startup-error.js';

/**
 * Builds the site once, on every core, into a file each server process then reads: the cached
 * build itself when nothing changed since it.
 */
async function buildOnce(config: Config) {
  const pipeline = createPipeline(pipelineOptionsFor(config, process.cwd()));
  try {
    const built = await pipeline.build();
    for (const warning of built.meta.warnings) console.warn(formatProblem(warning));
    if (config.production && !config.siteUrl && built.meta.siteUrl === config.fallbackSiteUrl)
      console.warn(
        `Canonical links say ${built.meta.siteUrl}: set SITE_URL (or url in site.yaml) to the public address.`,
      );
    if (built.snapshot) return { snapshot: built.snapshot, own: false };
    // No cache folder to keep it in: a temporary file, removed when npm start stops.
    const snapshot = path.join(os.tmpdir(), `lectern-site-${process.pid}.snapshot`);
    await writeSnapshot(built.rendered, captureHeaders(securityHeaders()), built.meta, snapshot);
    return { snapshot, own: true };
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
function serve(count: number, snapshot: string, own: boolean): void {
  cluster.setupPrimary({
    exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.js'),
    args: ['--snapshot', snapshot],
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
  // A replacement process reads it too: a temporary one goes when the primary does.
  if (own) process.once('exit', () => rmSync(snapshot, { force: true }));
}

async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const { snapshot, own } = await buildOnce(config);
  serve(config.concurrency, snapshot, own);
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
