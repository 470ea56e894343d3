import { ROOT } from '../test/support/default-site.js';
import { freePort, spawnKept, waitForStatus, type Spawned } from '../test/support/processes.js';
import { lecternEnv, TSX } from './measure.js';

export interface DevServerProcess {
  readonly url: string;
  readonly server: Spawned;
  /** From spawn to the first 200 for the page asked for. */
  readonly startupMs: number;
}

/**
 * `npm run dev` (tsx src/cli/dev.ts) on a content folder and a free loopback port, optionally
 * pinned to one core; resolves once `readyPath` answers 200.
 */
export async function startDevServer(
  contentDir: string,
  options: { readyPath: string; cacheDir: string; cpu?: number },
): Promise<DevServerProcess> {
  const port = await freePort();
  const env = lecternEnv({
    CONTENT_DIR: contentDir,
    CACHE_DIR: options.cacheDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const [command, args]: [string, string[]] =
    options.cpu === undefined
      ? [TSX, ['src/cli/dev.ts']]
      : ['taskset', ['-c', String(options.cpu), TSX, 'src/cli/dev.ts']];
  const startedAt = performance.now();
  const server = spawnKept(command, args, { cwd: ROOT, env });
  const url = `http://127.0.0.1:${port}`;
  try {
    const startupMs = await waitForStatus(`${url}${options.readyPath}`, server.child, {
      timeoutMs: 600_000,
      startedAt,
    });
    return { url, server, startupMs };
  } catch (error) {
    await server.stop('SIGTERM', 10_000);
    throw new Error(`npm run dev did not start: ${(error as Error).message}\n${server.output()}`);
  }
}

/** The URL of a chapter file (`courses/<course>/NN-<slug>.md`, relative to the content folder). */
export function chapterUrlOf(relative: string): string {
  const [, course = '', file = ''] = relative.split('/');
  return `/courses/${course}/${file.replace(/^\d+-/, '').replace(/\.md$/, '')}/`;
}

export async function pageContains(url: string, text: string): Promise<boolean> {
  const response = await fetch(url).catch(() => undefined);
  return (await response?.text().catch(() => undefined))?.includes(text) ?? false;
}
