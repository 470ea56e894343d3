import cluster from 'node:cluster';
import { rmSync } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';
import os from 'node:os';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './cli/project-root.js';
import type { BuiltForServers } from './build-for-servers.js';
import { readConfig } from './config.js';
import { describeStartupError } from './startup-error.js';

/** Runs the build in a process of its own; resolves with the file it kept the site in. */
function buildOnce(): Promise<BuiltForServers> {
  const builder = fork(path.join(here(), 'build-for-servers.js'), [], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    let built: BuiltForServers | undefined;
    builder.once('message', (message) => (built = message as BuiltForServers));
    builder.once('error', reject);
    builder.once('exit', (code) => {
      // The builder has said what stopped it (invalid content, a template): its code is ours.
      if (code !== 0 || !built) process.exit(code || 1);
      resolve(built);
    });
  });
}

function here(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/**
 * Forks the server processes; they share the port through node:cluster and serve the same
 * snapshot (they hold no state, so any of them can answer any request). A process that stops
 * before it listens (port in use) would fail again: everything stops with its exit code. One
 * that dies after serving is replaced.
 */
function serve(count: number, snapshot: string): void {
  cluster.setupPrimary({
    exec: path.join(here(), 'server.js'),
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
  // A replacement process reads it too: this process's own name for it goes when it does.
  process.once('exit', () => rmSync(snapshot, { force: true }));
}

/**
 * The servers read a name of the build this process owns: another `npm start` or export that
 * shares CACHE_DIR may replace the kept build, and a server started later to replace one that
 * died must still find this one.
 */
async function ownCopy(snapshot: string, temporary: boolean): Promise<string> {
  if (temporary) return snapshot;
  const own = path.join(os.tmpdir(), `lectern-site-${process.pid}.snapshot`);
  await rm(own, { force: true });
  await link(snapshot, own).catch(() => copyFile(snapshot, own));
  return own;
}

async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const built = await buildOnce();
  serve(config.concurrency, await ownCopy(built.snapshot, built.temporary));
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
