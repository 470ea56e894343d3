import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { SpawnOptions } from 'node:child_process';
import os from 'node:os';
import { spawnKept } from '../test/support/processes.js';

export const GNU_TIME = '/usr/bin/time';

async function cpuJiffies(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  // idle and iowait are the 4th and 5th columns.
  return { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total };
}

/**
 * How busy the whole machine is over `ms`, in per cent of one core (200 = both cores of two).
 * Taken while the process under test idles, it is other work that would skew a measurement.
 */
export async function machineBusy(ms: number): Promise<number> {
  const before = await cpuJiffies();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await cpuJiffies();
  const share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
  return share * os.availableParallelism() * 100;
}

export interface Memory {
  /** Resident now, in KiB. */
  readonly rssKiB: number;
  /** The highest resident size so far (VmHWM), in KiB. */
  readonly peakKiB: number;
}

/** A process's resident memory from /proc (Linux), or undefined once it is gone. */
export async function memoryOf(pid: number): Promise<Memory | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Every process started under `pid`, depth first (tsx runs the script in a child node). */
export async function descendantsOf(pid: number): Promise<number[]> {
  let tasks: string[];
  try {
    tasks = await readdir(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...text.split(' ').filter(Boolean).map(Number));
  }
  const nested = await Promise.all(children.map(descendantsOf));
  return children.flatMap((child, index) => [child, ...(nested[index] ?? [])]);
}

/**
 * The deepest process under `pid` (or `pid` itself) whose command line matches: the one doing
 * the work behind wrappers such as tsx, and not a helper beside it (tsx's esbuild service).
 */
export async function innermostProcess(pid: number, command: RegExp): Promise<number> {
  const candidates = [pid, ...(await descendantsOf(pid))];
  const lines = await Promise.all(
    candidates.map((p) => readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '')),
  );
  const matching = candidates.filter((_, i) => command.test((lines[i] ?? '').replace(/\0/g, ' ')));
  return matching.at(-1) ?? pid;
}

/** Below this share of a core in use, the machine counts as quiet (%). */
export const QUIET_BUSY = 20;

/** Waits for the machine to be quiet before a measurement; resolves to how busy it still was. */
export type Quiet = () => Promise<number>;

/**
 * Waits (up to `timeoutMs`) for `samples` consecutive seconds with the machine under `maxBusy`
 * per cent of a core: on a shared machine, measuring while others compile or load-test skews
 * every figure. Returns the last sample; the caller reports it either way.
 */
export async function waitForQuiet(
  options: { maxBusy?: number; samples?: number; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = performance.now() + (options.timeoutMs ?? 120_000);
  let quiet = 0;
  let busy = 0;
  while (quiet < (options.samples ?? 3) && performance.now() < deadline) {
    busy = await machineBusy(1_000);
    quiet = busy < (options.maxBusy ?? QUIET_BUSY) ? quiet + 1 : 0;
  }
  return busy;
}

export interface TimedRun {
  readonly wallMs: number;
  /** The largest resident size of the command or any process it waited for, in KiB. */
  readonly peakKiB: number;
  readonly output: string;
}

/**
 * Runs a command under GNU time, which reports the peak resident size of the whole process
 * tree it waited for (tsx's child included). Wall time is measured here, around the spawn.
 */
export async function timedRun(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs: number },
): Promise<TimedRun> {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing: apt-get install -y time`);
  const started = performance.now();
  const run = spawnKept(GNU_TIME, ['-v', command, ...args], options);
  const timer = setTimeout(() => void run.stop('SIGKILL'), options.timeoutMs);
  await run.exited();
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const output = run.output();
  if (run.child.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`);
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  if (!peak) throw new Error(`GNU time printed no peak resident size:\n${output}`);
  return { wallMs, peakKiB: Number(peak), output };
}
