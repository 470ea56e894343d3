import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT_DIR, ROOT } from './support/fixture-site.js';
import { contentFolder, COURSE_MD, validFiles } from './support/content-fixture.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function untilHealthy(port: number, deadline = Date.now() + 20_000): Promise<string> {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return response.text();
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('The server did not become healthy');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (the cluster primary)', () => {
  it('runs WEB_CONCURRENCY server processes and stops them all on SIGTERM with exit code 0', async () => {
    const port = await freePort();
    const server = start({
      PORT: String(port),
      WEB_CONCURRENCY: '2',
      CONTENT_DIR: FIXTURE_CONTENT_DIR,
    });
    expect(await untilHealthy(port)).toMatch(/^ok: \d+ pages/);
    await expect
      .poll(() => server.output().match(/Lectern is serving/g)?.length ?? 0, { timeout: 20_000 })
      .toBe(2);
    await expect
      .poll(() => server.output(), { timeout: 20_000 })
      .toContain(`Lectern: 2 server processes at http://localhost:${port}/`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 40_000);

  it('stops with exit code 1 and the full list of problems when the content is invalid', async () => {
    const folder = await contentFolder({
      ...validFiles(),
      'courses/a-course/course.md': COURSE_MD.replace('difficulty: medium', 'difficulty: meduim'),
    });
    try {
      const server = start({
        PORT: String(await freePort()),
        WEB_CONCURRENCY: '2',
        CONTENT_DIR: folder.dir,
      });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(
        'course.md:5:13  difficulty  Expected one of "easy", "medium", "hard", got "meduim"; did you mean "medium"?',
      );
      expect(server.output()).not.toMatch(/\n\s+at /);
    } finally {
      await folder.cleanup();
    }
  }, 40_000);
});
