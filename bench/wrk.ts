import { existsSync } from 'node:fs';
import { spawnKept } from '../test/support/processes.js';
import { machineBusy } from './process-stats.js';

export const WRK = '/usr/bin/wrk';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** The core the load generator runs on (taskset), away from the server under test. */
  readonly cpu?: number;
  /** A request slower than this counts as a timeout error. */
  readonly timeoutSeconds?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly socketErrors: { connect: number; read: number; write: number; timeout: number };
  readonly raw: string;
  /** CPU in use on the machine in the second before the run (% of one core): other work skews it. */
  readonly busyBefore: number;
}

function milliseconds(value: string, unit: string): number {
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
  return Number(value) * (scale[unit] ?? Number.NaN);
}

/** wrk's summary (with --latency) as numbers. */
export function parseWrk(raw: string): Omit<LoadResult, 'busyBefore'> {
  const latency = (percentile: string) => {
    const match = new RegExp(`^\\s*${percentile}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(raw);
    if (!match) throw new Error(`No ${percentile}% latency in wrk's output:\n${raw}`);
    return milliseconds(match[1] ?? '', match[2] ?? '');
  };
  const requests = /(\d+) requests in/.exec(raw)?.[1];
  const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(raw)?.[1];
  if (!requests || !perSecond) throw new Error(`Unexpected wrk output:\n${raw}`);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(raw);
  return {
    requests: Number(requests),
    requestsPerSecond: Number(perSecond),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(raw)?.[1] ?? 0),
    socketErrors: {
      connect: Number(errors?.[1] ?? 0),
      read: Number(errors?.[2] ?? 0),
      write: Number(errors?.[3] ?? 0),
      timeout: Number(errors?.[4] ?? 0),
    },
    raw,
  };
}

/** One wrk run: one thread, `connections` keep-alive connections, asking for gzip or brotli. */
export async function runWrk(options: LoadOptions): Promise<LoadResult> {
  if (!existsSync(WRK)) throw new Error(`${WRK} is missing: apt-get install -y wrk`);
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    `--timeout`,
    `${options.timeoutSeconds ?? 2}s`,
    '--latency',
    '-H',
    'Accept-Encoding: gzip, br',
    options.url,
  ];
  const busyBefore = await machineBusy(1_000);
  const run =
    options.cpu === undefined
      ? spawnKept(WRK, args)
      : spawnKept('taskset', ['-c', String(options.cpu), WRK, ...args]);
  // Bounded: wrk stops itself after `seconds`; this is the guard if it does not.
  const timer = setTimeout(() => void run.stop('SIGKILL'), (options.seconds + 30) * 1000);
  await run.exited();
  clearTimeout(timer);
  if (run.child.exitCode !== 0) throw new Error(`wrk failed:\n${run.output()}`);
  return { ...parseWrk(run.output()), busyBefore };
}

export async function wrkVersion(): Promise<string> {
  const run = spawnKept(WRK, ['-v']);
  await run.exited();
  return /wrk (\S+)/.exec(run.output())?.[1] ?? 'unknown';
}
