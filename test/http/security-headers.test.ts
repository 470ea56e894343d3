import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../../src/app.js';
import { silentLogger } from '../../src/log/logger.js';
import { buildFixtureSite } from '../support/fixture-site.js';
import { failingOn, FAILING_URL } from '../support/failing-site.js';
import { listen, rawExchange, send, type Listening } from '../support/http-client.js';

const COURSE = '/courses/our-principles/';

// The policy as the issue states it; helmet writes it without spaces after the semicolons.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

const EXACT = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const TEXTUAL = /^(text\/|application\/(xml|json|javascript|manifest\+json))/;

type Headers = Readonly<Record<string, string | string[] | undefined>>;

function expectSecurityHeaders(headers: Headers, hasBody: boolean) {
  expect(String(headers['content-security-policy']).split(';')).toEqual(CSP);
  expect(headers).toMatchObject(EXACT);
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['server']).toBeUndefined();
  const type = headers['content-type'];
  if (hasBody) expect(type).toBeDefined();
  if (typeof type === 'string' && TEXTUAL.test(type)) expect(type).toMatch(/; charset=utf-8$/);
}

let listening: Listening;
let assets: { stylesheet: string; script: string; icon: string; etag: string };

beforeAll(async () => {
  const built = await buildFixtureSite();
  const holder = failingOn(built.rendered);
  const logger = silentLogger();
  listening = await listen(
    createRequestListener(holder, createApp(holder, { logger }), { logger }),
  );
  const page = await send(listening.port, COURSE);
  const find = (pattern: RegExp) => pattern.exec(page.text)?.[1] ?? 'missing';
  assets = {
    stylesheet: find(/<link rel="stylesheet" href="([^"]+)">/),
    script: find(/<script src="(\/assets\/[^"]+\.js)"/),
    icon: find(/<link rel="icon" href="([^"]+)"/),
    etag: String(page.headers.etag),
  };
});

afterAll(() => listening.close());

interface Kind {
  readonly name: string;
  readonly status: number;
  readonly method?: string;
  readonly path: () => string;
  readonly headers?: () => Record<string, string>;
}

const KINDS: readonly Kind[] = [
  { name: 'a page', status: 200, path: () => COURSE },
  { name: 'a page asked with HEAD', status: 200, method: 'HEAD', path: () => COURSE },
  {
    name: 'a brotli page',
    status: 200,
    path: () => COURSE,
    headers: () => ({ 'accept-encoding': 'br' }),
  },
  {
    name: 'a page not modified (304)',
    status: 304,
    path: () => COURSE,
    headers: () => ({ 'if-none-match': assets.etag }),
  },
  { name: 'the stylesheet', status: 200, path: () => assets.stylesheet },
  { name: 'the script', status: 200, path: () => assets.script },
  { name: 'an image', status: 200, path: () => assets.icon },
  { name: 'the sitemap', status: 200, path: () => '/sitemap.xml' },
  { name: 'robots.txt', status: 200, path: () => '/robots.txt' },
  { name: 'a redirect (301)', status: 301, path: () => COURSE.slice(0, -1) },
  { name: 'an unknown URL (404)', status: 404, path: () => '/courses/nope/' },
  { name: 'malformed percent-encoding (400)', status: 400, path: () => '/courses/%E0%A4%A' },
  { name: 'a POST (405)', status: 405, method: 'POST', path: () => COURSE },
  { name: 'an OPTIONS (405)', status: 405, method: 'OPTIONS', path: () => COURSE },
  { name: 'a failure (500)', status: 500, path: () => FAILING_URL },
];

describe('security headers', () => {
  it.each(KINDS)('are all on $name', async (kind) => {
    const answer = await send(listening.port, kind.path(), {
      method: kind.method ?? 'GET',
      headers: kind.headers?.() ?? {},
    });
    expect(answer.status).toBe(kind.status);
    expectSecurityHeaders(answer.headers, answer.body.length > 0);
    expect(answer.headers['x-request-id']).toMatch(/^[\w-]{36}$/);
  });

  it('are all on the 431 that answers headers over 16 KB, before the app is reached', async () => {
    const answer = await rawExchange(listening.port, [
      `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    ]);
    expect(answer.status).toBe(431);
    expectSecurityHeaders(answer.headers, true);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});
