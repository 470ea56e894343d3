import { spawn } from 'node:child_process';
import path from 'node:path';
import { FIXTURE_CONTENT_DIR, ROOT, SITE_URL } from './fixture-site.js';

export interface ServerProcess {
  /** Resolves with the port from the "Lectern is serving" line; rejects if the process exits first. */
  readonly port: Promise<number>;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
  /** Parsed JSON lines of standard output so far. */
  readonly lines: () => readonly Record<string, unknown>[];
  readonly stderr: () => string;
  kill(signal: NodeJS.Signals): void;
}

/**
 * `src/server.ts` in a child process, as `npm start` runs one worker, on a port the system picks,
 * serving the fixture content unless `env` sets another CONTENT_DIR.
 */
export function startServer(
  env: Record<string, string> = {},
  user: { uid?: number; gid?: number } = {},
): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      SITE_URL,
      CONTENT_DIR: FIXTURE_CONTENT_DIR,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const complete = stdout.split('\n');
      stdout = complete.pop() ?? '';
      for (const line of complete) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (typeof parsed.port === 'number') resolve(parsed.port);
      }
    });
    void exited.then((code) => reject(new Error(`The server exited (${code}): ${stderr}`)));
  });
  port.catch(() => {});
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return {
    port,
    exited,
    lines: () => lines,
    stderr: () => stderr,
    kill: (signal) => child.kill(signal),
  };
}
