import { spawnSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Agent, get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { contentFolder, validFiles } from './support/content-fixture.js';
import { ROOT } from './support/fixture-site.js';
import { partialRequest, send } from './support/http-client.js';
import { startServer } from './support/server-process.js';

const COURSE = '/courses/our-principles/';

// Root reads every folder: to meet an unreadable one, the server runs as nobody, which works
// when nobody can read the project (a checkout under /root, say, cannot be).
const asNobody = process.getuid?.() === 0;
const canMakeUnreadable =
  !asNobody ||
  spawnSync(
    process.execPath,
    [
      '-e',
      `require('fs').accessSync(${JSON.stringify(path.join(ROOT, 'node_modules/tsx/package.json'))})`,
    ],
    { uid: 65534, gid: 65534 },
  ).status === 0;

/** Fires `count` GETs, `concurrency` at a time over keep-alive connections; returns the statuses. */
async function load(port: number, count: number, concurrency: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses: number[] = [];
  const worker = async () => {
    while (statuses.length < count) {
      statuses.push(0);
      const index = statuses.length - 1;
      statuses[index] = await new Promise<number>((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: COURSE, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return statuses;
}

describe('the server process', () => {
  it('logs its port and every request, and on SIGTERM under load finishes the requests in flight, refuses new connections and exits 0', async () => {
    const server = startServer();
    const port = await server.port;
    // PORT=0: the first line says which port the system gave.
    expect(server.lines()[0]?.msg).toBe(
      `Lectern is serving 24 pages at http://localhost:${port}/ (canonical base https://courses.example.com)`,
    );
    expect(await load(port, 300, 20)).toEqual(Array(300).fill(200));
    await expect
      .poll(() => server.lines().filter((line) => line.msg === 'request completed').length)
      .toBe(300);
    expect(server.lines()[1]).toMatchObject({
      req: { method: 'GET', url: COURSE },
      res: { statusCode: 200 },
    });

    // Requests in flight: their headers have started to arrive, the blank line has not.
    const inFlight = await Promise.all(
      Array.from({ length: 10 }, () =>
        partialRequest(port, `GET ${COURSE} HTTP/1.1\r\nHost: localhost\r\n`),
      ),
    );
    // Time for the server to read those bytes: a connection it has read nothing from is idle.
    // (A second, not half: with the whole suite running on two cores, half was once too short.)
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const signalled = performance.now();
    server.kill('SIGTERM');
    await expect.poll(() => server.lines().some((line) => line.signal === 'SIGTERM')).toBe(true);

    await expect(send(port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const answers = await Promise.all(
      inFlight.map((request) => request.finish('Accept-Encoding: identity\r\n\r\n')),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.connection).toBe('close');
      const body = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
      expect(Buffer.byteLength(body, 'latin1')).toBe(Number(answer.headers['content-length']));
    }
    expect(await server.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(server.lines().at(-1)?.msg).toBe('Stopped');
  }, 30_000);
});

describe('the server refuses to start, with one line and exit code 1,', () => {
  it('when the port is in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const server = startServer({ PORT: String(port) });
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toBe(
        `Port ${port} is already in use: stop the other server or set PORT to a free port.\n`,
      );
    } finally {
      taken.close();
    }
  }, 30_000);

  it('when the content folder is missing', async () => {
    const server = startServer({ CONTENT_DIR: '/nonexistent/lectern-content' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toBe(
      'Not found: /nonexistent/lectern-content. Check CONTENT_DIR, or run from the project folder.\n',
    );
  }, 30_000);

  it('when the content folder is a file', async () => {
    const folder = await contentFolder({});
    try {
      const file = path.join(folder.root, 'not-a-folder');
      await writeFile(file, 'text');
      const server = startServer({ CONTENT_DIR: file });
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toBe(`Not a folder: ${file}. Check CONTENT_DIR.\n`);
    } finally {
      await folder.cleanup();
    }
  }, 30_000);

  it.skipIf(!canMakeUnreadable)(
    'when the content folder cannot be read',
    async () => {
      const folder = await contentFolder(validFiles());
      try {
        await chmod(folder.dir, 0o000);
        if (asNobody) await chmod(folder.root, 0o755);
        const server = startServer(
          { CONTENT_DIR: folder.dir },
          asNobody ? { uid: 65534, gid: 65534 } : {},
        );
        expect(await server.exited).toBe(1);
        expect(server.stderr()).toMatch(/^Permission denied reading .+\/content\.\n$/);
      } finally {
        await chmod(folder.dir, 0o755);
        await folder.cleanup();
      }
    },
    30_000,
  );
});
