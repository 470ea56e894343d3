import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free loopback port: the OS picks one, it is released, and the caller binds it right away. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A temporary folder that other users can read: nginx's workers run as www-data, and mkdtemp
 * makes folders that only their owner can enter.
 */
export async function readableTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** The status of one GET, or undefined when nothing answers yet. */
export function statusOf(url: string, timeoutMs = 2_000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `url` until it answers `status`, the child exits, or `timeoutMs` passes. Returns the
 * milliseconds from `startedAt` (a performance.now() value) to the first good answer.
 */
export async function waitForStatus(
  url: string,
  child: ChildProcess,
  options: { status?: number; timeoutMs: number; startedAt: number; intervalMs?: number },
): Promise<number> {
  const wanted = options.status ?? 200;
  const deadline = options.startedAt + options.timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${String(child.spawnfile)} exited (${child.exitCode ?? child.signalCode})`);
    }
    if ((await statusOf(url)) === wanted) return performance.now() - options.startedAt;
    await delay(options.intervalMs ?? 20);
  }
  throw new Error(`${url} did not answer ${wanted} within ${options.timeoutMs} ms`);
}

/** A child process whose output is kept (the last 64 KiB of each stream) for error messages. */
export interface Spawned {
  readonly child: ChildProcess;
  output(): string;
  /** Ends the process: `signal`, then SIGKILL if it has not exited after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  exited(): Promise<void>;
}

const KEEP_BYTES = 64 * 1024;

export function spawnKept(command: string, args: readonly string[], options: SpawnOptions = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let kept = '';
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString('utf8')).slice(-KEEP_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const spawned: Spawned = {
    child,
    output: () => kept,
    exited: () => exit,
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  return spawned;
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function runToEnd(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<string> {
  const spawned = spawnKept(command, args, options);
  await spawned.exited();
  const { exitCode } = spawned.child;
  if (exitCode !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${exitCode}):\n${spawned.output()}`);
  }
  return spawned.output();
}
