import { afterEach, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../../src/app.js';
import { holdSite } from '../../src/http/site-holder.js';
import type { LogLevel } from '../../src/log/logger.js';
import { buildFixtureSite } from '../support/fixture-site.js';
import { listen, send, type Listening } from '../support/http-client.js';
import { captureLogs, LEVELS } from '../support/log-capture.js';

const COURSE = '/courses/our-principles/';
const opened: Listening[] = [];
afterEach(async () => {
  for (const listening of opened.splice(0)) await listening.close();
});

async function serveWithLogs(level: LogLevel = 'info') {
  const { rendered } = await buildFixtureSite();
  const holder = holdSite(rendered);
  const logs = captureLogs(level);
  const listening = await listen(
    createRequestListener(holder, createApp(holder, { logger: logs.logger }), {
      logger: logs.logger,
    }),
  );
  opened.push(listening);
  return { port: listening.port, lines: logs.lines };
}

describe('access logs', () => {
  it('give a prepared page one line with its request id, method, URL and status', async () => {
    const { port, lines } = await serveWithLogs();
    const page = await send(port, `${COURSE}?from=mail&token=secret-token`);
    const revalidated = await send(port, COURSE, {
      headers: { 'if-none-match': String(page.headers.etag) },
    });
    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toMatch(/secret-/);
    expect(lines[0]).toMatchObject({
      level: LEVELS.info,
      msg: 'request completed',
      req: { id: page.headers['x-request-id'], method: 'GET', url: `${COURSE}?from=&token=` },
      res: { statusCode: 200 },
    });
    expect(lines[1]).toMatchObject({
      req: { id: revalidated.headers['x-request-id'] },
      res: { statusCode: 304 },
    });
  });

  it('give what Express answers a line with a fixed list of request headers, no credential', async () => {
    const { port, lines } = await serveWithLogs();
    const answer = await send(port, '/nope/?key=secret-key', {
      headers: {
        cookie: 'session=secret-cookie',
        authorization: 'Bearer secret-token',
        'proxy-authorization': 'Basic secret-proxy',
        'x-api-key': 'secret-api-key',
        'x-amz-security-token': 'secret-amz',
        'user-agent': 'test-agent',
      },
    });
    expect(answer.status).toBe(404);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: LEVELS.info,
      msg: 'request completed',
      req: {
        id: answer.headers['x-request-id'],
        method: 'GET',
        url: '/nope/?key=',
        headers: { host: expect.any(String) as unknown, 'user-agent': 'test-agent' },
      },
      res: { statusCode: 404 },
    });
    const logged = (lines[0]?.req as { headers?: object } | undefined)?.headers ?? {};
    expect(Object.keys(logged).sort()).toEqual(['host', 'user-agent']);
    expect(lines[0]?.responseTime).toBeTypeOf('number');
    expect(JSON.stringify(lines)).not.toMatch(/secret-/);
  });

  it('are left out at LOG_LEVEL=warn, which keeps only what needs a look', async () => {
    const { port, lines } = await serveWithLogs('warn');
    await send(port, COURSE);
    await send(port, '/nope/');
    await send(port, COURSE, { method: 'POST' });
    expect(lines).toEqual([]);
  });
});
