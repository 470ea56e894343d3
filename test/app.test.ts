import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../src/app.js';
import type { SiteHolder } from '../src/http/site-holder.js';
import { buildFixtureSite } from './support/fixture-site.js';
import { failingOn, FAILING_URL } from './support/failing-site.js';
import { listen, rawExchange, send, type Listening } from './support/http-client.js';
import { captureLogs, LEVELS } from './support/log-capture.js';

let listening: Listening;
let holder: SiteHolder;
let pageUrls: readonly string[];
const logs = captureLogs();

beforeAll(async () => {
  const built = await buildFixtureSite();
  pageUrls = built.rendered.pageUrls;
  holder = failingOn(built.rendered);
  const app = createApp(holder, { logger: logs.logger });
  // As behind nginx-proxy.conf, which sets X-Request-Id (TRUST_REQUEST_ID=1).
  listening = await listen(
    createRequestListener(holder, app, { logger: logs.logger, trustRequestId: true }),
  );
});

afterAll(() => listening.close());

describe('an exception while answering one request', () => {
  it('gives that request a 500 page with its reference, and every other request its page', async () => {
    const failed = await send(listening.port, FAILING_URL);
    expect(failed.status).toBe(500);
    const id = String(failed.headers['x-request-id']);
    expect(failed.text).toContain('<h1>Something went wrong</h1>');
    expect(failed.text).toContain(`Reference: <code>${id}</code>`);
    expect(failed.text).not.toContain('Failure in');
    expect(failed.text).not.toMatch(/\/work\/|\.ts:\d+|^\s+at /m);
    expect(failed.headers['cache-control']).toBe('no-store');
    expect(failed.headers['content-security-policy']).toContain("default-src 'none'");
    expect(Number(failed.headers['content-length'])).toBe(failed.body.length);

    for (const url of pageUrls) expect((await send(listening.port, url)).status).toBe(200);
    expect((await send(listening.port, FAILING_URL)).status).toBe(500);

    const errors = logs.lines.filter((line) => line.level === LEVELS.error);
    expect(errors.map((line) => [line.msg, (line.req as { id: string }).id])).toContainEqual([
      'request errored',
      id,
    ]);
    expect(JSON.stringify(errors[0]?.err)).toContain('Failure in');
  });

  it('answers HEAD of the failing URL with the headers of the 500 and no body', async () => {
    const head = await send(listening.port, FAILING_URL, { method: 'HEAD' });
    expect(head.status).toBe(500);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });
});

describe('a request id', () => {
  it("is on every response, and a proxy's safe one is kept so that logs line up", async () => {
    const fresh = await send(listening.port, '/');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await send(listening.port, '/nope/', {
      headers: { 'x-request-id': 'nginx-0123456789abcdef' },
    });
    expect(kept.headers['x-request-id']).toBe('nginx-0123456789abcdef');
  });

  it('that is not safe to repeat is replaced', async () => {
    const failed = await send(listening.port, FAILING_URL, {
      headers: { 'x-request-id': '"><script>alert(1)</script>' },
    });
    expect(failed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.text).not.toContain('<script>alert');
  });
});

/** A byte as %XX, as a browser or a scanner would send it. */
const percentByte = fc
  .integer({ min: 0, max: 255 })
  .map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`);
const segment = fc.oneof(
  percentByte,
  fc.constantFrom(
    '/',
    '//',
    '.',
    '..',
    '\\',
    'courses',
    'our-principles',
    'assets',
    'index.html',
    '?',
    '#',
    '%2F',
    '%2e',
    'A',
  ),
  fc.string({ maxLength: 8 }),
);
const paths = fc.oneof(
  fc.webPath(),
  fc.string({ unit: 'binary', maxLength: 120 }).map((s) => `/${s}`),
  fc.array(segment, { maxLength: 24 }).map((parts) => `/${parts.join('')}`),
  fc
    .tuple(
      fc.constantFrom('/', '/courses/our-principles/', '/courses/our-principles/our-principles/'),
      fc.array(segment, { maxLength: 6 }),
    )
    .map(([base, parts]) => base + parts.join('')),
);

describe('any request path', () => {
  it('gets a page, a redirect within the site or a 4xx: never a 5xx, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(paths, fc.constantFrom('GET', 'HEAD', 'POST'), async (path, method) => {
        const answer = await rawExchange(listening.port, [
          Buffer.from(
            `${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
            'utf8',
          ),
        ]);
        expect(answer.closedByServer).toBe(true);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 300 && answer.status < 400)
          expect(answer.headers.location).toMatch(/^\/(?![/\\])/);
      }),
      { numRuns: 400 },
    );
    expect(
      logs.lines.filter(
        (line) =>
          line.level >= LEVELS.error &&
          line.req &&
          (line.req as { url: string }).url !== FAILING_URL,
      ),
    ).toEqual([]);
  }, 60_000);
});
