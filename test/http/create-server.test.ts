import { connect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../../src/app.js';
import { holdSite } from '../../src/http/site-holder.js';
import { prepareResponse } from '../../src/render/prepared-response.js';
import { buildFixtureSite } from '../support/fixture-site.js';
import { listen, rawExchange, send, type Listening } from '../support/http-client.js';
import { captureLogs, LEVELS } from '../support/log-capture.js';

const opened: Listening[] = [];
afterEach(async () => {
  for (const listening of opened.splice(0)) await listening.close();
});

let built: Awaited<ReturnType<typeof buildFixtureSite>>;
beforeAll(async () => {
  built = await buildFixtureSite();
});

async function serve(timeouts = {}) {
  // A large response, so that a client can leave in the middle of it.
  const big = prepareResponse({
    contentType: 'application/octet-stream',
    body: Buffer.alloc(8 * 1024 * 1024, 1),
    cacheControl: 'no-store',
    headers: [],
  });
  const holder = holdSite({
    ...built.rendered,
    responses: new Map([...built.rendered.responses, ['/big/', big]]),
  });
  const logs = captureLogs();
  const listener = createRequestListener(holder, createApp(holder, { logger: logs.logger }), {
    logger: logs.logger,
  });
  const listening = await listen(listener, { logger: logs.logger, timeouts });
  opened.push(listening);
  return { port: listening.port, logs };
}

describe('the server', () => {
  it('cuts off a client that sends its headers too slowly, with a 408 and every header', async () => {
    const { port } = await serve({ headersMs: 300, requestMs: 600, checkIntervalMs: 50 });
    const started = performance.now();
    const dribble = [
      'GET / HTTP/1.1\r\n',
      ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`),
    ];
    const answer = await rawExchange(port, dribble, { gapMs: 100, timeoutMs: 5_000 });
    expect(answer.closedByServer).toBe(true);
    expect(answer.status).toBe(408);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await send(port, '/')).status).toBe(200);
  });

  it('takes a client that leaves in the middle of a response in its stride', async () => {
    const { port, logs } = await serve();
    for (const path of ['/big/', '/nope/']) {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
        });
        // Leave as soon as the first bytes arrive (or at once, for the small 404 page).
        socket.once('data', () => socket.destroy());
        socket.on('close', () => resolve());
      });
    }
    // A client that leaves before its request is even read.
    const quick = connect(port, '127.0.0.1', () => {
      quick.end('GET /big/ HTTP/1.1\r\nHost: localhost\r\n\r\n');
      quick.destroy();
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await send(port, '/')).status).toBe(200);
    expect(logs.lines.filter((line) => line.level >= LEVELS.warn)).toEqual([]);
  });

  it('keeps serving a keep-alive connection after a response, and closes idle ones after the keep-alive timeout', async () => {
    // Node 20 closes an idle connection a second after keepAliveTimeout: 0.2 s + 1 s here.
    const { port } = await serve({ keepAliveMs: 200 });
    const request = 'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n';
    const started = performance.now();
    const answer = await rawExchange(port, [request, request], { gapMs: 50, timeoutMs: 3_000 });
    expect(answer.closedByServer).toBe(true);
    expect(answer.text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
