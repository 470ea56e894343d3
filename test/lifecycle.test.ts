import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopOnSignals, type ProcessLike } from '../src/lifecycle.js';
import { ROOT } from './support/fixture-site.js';
import { partialRequest } from './support/http-client.js';
import { captureLogs } from './support/log-capture.js';

/** Runs a module body in a fresh Node with exitOnFatalErrors installed; returns its exit and output. */
function runWithFatalHandlers(body: string) {
  const script = [
    `import { exitOnFatalErrors } from ${JSON.stringify(path.join(ROOT, 'src/lifecycle.ts'))};`,
    `import { createLogger } from ${JSON.stringify(path.join(ROOT, 'src/log/logger.ts'))};`,
    `exitOnFatalErrors(createLogger({ level: 'info' }));`,
    body,
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return new Promise<{ code: number | null; lines: Record<string, unknown>[] }>((resolve) =>
    child.on('close', (code) =>
      resolve({
        code,
        lines: stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      }),
    ),
  );
}

describe('exitOnFatalErrors', () => {
  it('logs an uncaught exception and exits 1, for a supervisor to restart the process', async () => {
    const { code, lines } = await runWithFatalHandlers(
      `setTimeout(() => { throw new Error('a bug nobody caught'); }, 10);`,
    );
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 60,
      msg: 'Uncaught exception: exiting, to be restarted',
      err: { message: 'a bug nobody caught' },
    });
  }, 20_000);

  it('logs an unhandled promise rejection and exits 1', async () => {
    const { code, lines } = await runWithFatalHandlers(
      `void Promise.reject(new Error('a promise nobody awaited'));`,
    );
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 60,
      msg: 'Unhandled promise rejection: exiting, to be restarted',
      err: { message: 'a promise nobody awaited' },
    });
  }, 20_000);
});

class FakeProcess extends EventEmitter implements ProcessLike {
  readonly exits: number[] = [];
  exit(code: number) {
    this.exits.push(code);
  }
}

describe('stopOnSignals', () => {
  it('cuts the connections still open after the grace period, and exits 1 to say so', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // A request whose headers never finish: it would hold the server open for ever.
    await partialRequest(port, 'GET / HTTP/1.1\r\nHost: localhost\r\n');
    const proc = new FakeProcess();
    const { logger, lines } = captureLogs();
    stopOnSignals(server, logger, proc, 200);
    proc.emit('SIGTERM');
    // process.exit() ends a real process there; this fake one also sees the close that follows.
    await expect.poll(() => proc.exits[0]).toBe(1);
    expect(lines.slice(0, 2).map((line) => line.msg)).toEqual([
      'SIGTERM: finishing requests in flight, then stopping',
      'Requests still in flight after 200 ms: closing their connections',
    ]);
  });
});
