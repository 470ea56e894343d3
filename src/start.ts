import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** WEB_CONCURRENCY, or one process per available core. */
function workerCount(): number {
  const wanted = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  return Number.isInteger(wanted) && wanted >= 1 ? wanted : os.availableParallelism();
}

/**
 * `npm start`: one server process per core, sharing the port through node:cluster; each loads
 * and serves the whole site (they hold no state, so any of them can answer any request).
 * A worker that stops before it listens (invalid content, port in use) would fail again:
 * everything stops with its exit code. One that dies after serving is replaced.
 */
function main(): void {
  cluster.setupPrimary({
    exec: path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.js'),
  });
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  const count = workerCount();
  let ready = 0;
  const fork = () => {
    let listened = false;
    const worker = cluster.fork();
    worker.once('listening', (address) => {
      listened = true;
      // The workers log JSON for collectors; the person who typed npm start gets one plain line.
      if (++ready === count) {
        console.log(
          `Lectern: ${count} server ${count === 1 ? 'process' : 'processes'} at http://localhost:${address.port}/`,
        );
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
}

main();
