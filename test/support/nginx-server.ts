import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnKept, waitForStatus } from './processes.js';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
export const DEPLOY_CONFIG = path.resolve(import.meta.dirname, '../../deploy/nginx.conf');

/** Why nginx cannot run here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  if (!existsSync(NGINX)) {
    return `No nginx at ${NGINX}: apt-get install -y nginx libnginx-mod-http-brotli-static (or set NGINX_PATH)`;
  }
  if (!existsSync(BROTLI_STATIC_MODULE)) {
    return `deploy/nginx.conf loads ${BROTLI_STATIC_MODULE}: apt-get install -y libnginx-mod-http-brotli-static`;
  }
  return undefined;
}

export interface LocalNginxOptions {
  readonly root: string;
  readonly port: number;
  /** Holds the pid file. */
  readonly runDir: string;
  readonly workers?: number;
}

/**
 * deploy/nginx.conf as it is, except the lines after each `# test: NAME` marker, which become a
 * loopback port, a temporary root and files in a temporary folder. A marker that disappears
 * from the file fails loudly, so that the tests never hold a different file to the contract.
 */
export function adaptNginxConfig(text: string, options: LocalNginxOptions): string {
  const replacements: Record<string, string> = {
    worker_processes: `worker_processes ${options.workers ?? 1};`,
    pid: `pid ${path.join(options.runDir, 'nginx.pid')};`,
    error_log: 'error_log stderr;',
    access_log: 'access_log off;',
    listen: `listen 127.0.0.1:${options.port};`,
    listen6: '# (IPv6 listener removed for the loopback copy)',
    root: `root ${options.root};`,
  };
  const lines = text.split('\n');
  const seen = new Set<string>();
  for (let index = 0; index < lines.length; index++) {
    const marker = /^\s*# test: (\S+)$/.exec(lines[index] ?? '')?.[1];
    if (marker === undefined) continue;
    const replacement = replacements[marker];
    if (replacement === undefined) throw new Error(`Unknown "# test: ${marker}" in nginx.conf`);
    const indent = /^\s*/.exec(lines[index + 1] ?? '')?.[0] ?? '';
    lines[index + 1] = indent + replacement;
    seen.add(marker);
  }
  const missing = Object.keys(replacements).filter((name) => !seen.has(name));
  if (missing.length > 0)
    throw new Error(`nginx.conf lacks "# test:" markers: ${missing.join(', ')}`);
  return lines.join('\n');
}

export interface LocalNginx {
  readonly url: string;
  readonly port: number;
  /** The master's pid (its workers are its children). */
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts nginx with deploy/nginx.conf adapted to a loopback port, in the foreground (so that it
 * is this process's child and ends with it), optionally pinned to one CPU with taskset.
 */
export async function startNginx(
  root: string,
  options: { workers?: number; cpu?: number; config?: string } = {},
): Promise<LocalNginx> {
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'lectern-nginx-'));
  const port = await freePort();
  const template = await readFile(options.config ?? DEPLOY_CONFIG, 'utf8');
  const config = path.join(runDir, 'nginx.conf');
  const adaptOptions = { root, port, runDir, workers: options.workers ?? 1 };
  await writeFile(config, adaptNginxConfig(template, adaptOptions));
  const args = ['-p', runDir, '-c', config, '-e', 'stderr', '-g', 'daemon off;'];
  const spawned =
    options.cpu === undefined
      ? spawnKept(NGINX, args)
      : spawnKept('taskset', ['-c', String(options.cpu), NGINX, ...args]);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await spawned.stop('SIGTERM');
    await rm(runDir, { recursive: true, force: true });
  };
  try {
    // Any answer will do: the root page may not exist in every export.
    await waitForStatus(`${url}/robots.txt`, spawned.child, {
      timeoutMs: 10_000,
      startedAt: performance.now(),
    });
  } catch (error) {
    await stop();
    throw new Error(`nginx did not start: ${(error as Error).message}\n${spawned.output()}`);
  }
  return { url, port, pid: spawned.child.pid ?? 0, stop };
}
