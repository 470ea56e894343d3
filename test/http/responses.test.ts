import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, createRequestListener } from '../../src/app.js';
import { holdSite } from '../../src/http/site-holder.js';
import { silentLogger } from '../../src/log/logger.js';
import type { RenderedSite } from '../../src/render/render-site.js';
import { fixtureListener } from '../support/fixture-site.js';
import { captureLogs, LEVELS } from '../support/log-capture.js';
import { rawGet } from '../support/raw-get.js';

type Listener = Awaited<ReturnType<typeof fixtureListener>>['listener'];
let listener: Listener;
let rendered: RenderedSite;

beforeAll(async () => {
  const site = await fixtureListener();
  listener = site.listener;
  rendered = site.built.rendered;
});

const COURSE = '/courses/our-principles/';

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';manifest-src 'self';base-uri 'none';form-action 'self';frame-ancestors 'none';object-src 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers).toMatchObject(SECURITY_HEADERS);
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('redirects', () => {
  it('sends a URL without its trailing slash to the canonical one', async () => {
    const response = await request(listener).get('/courses/our-principles').expect(301);
    expect(response.headers.location).toBe(COURSE);
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ['/courses//our-principles/', COURSE],
    ['/Courses/Our-Principles/', COURSE],
    ['/courses/our-principles/index.html', COURSE],
  ])('sends %s to %s', async (from, to) => {
    const response = await request(listener).get(from).expect(301);
    expect(response.headers.location).toBe(to);
  });

  it.each([
    '//evil.example/',
    '//evil.example',
    '/\\evil.example/',
    '/%2F%2Fevil.example/',
    '///evil.example/',
  ])('never redirects %s off the site', async (path) => {
    const response = await request(listener).get(path);
    expect(response.status).toBe(404);
    expect(response.headers.location).toBeUndefined();
  });
});

describe('error pages', () => {
  it('answers an unknown URL with a real 404 page', async () => {
    const response = await request(listener).get('/courses/nope/').expect(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<h1>Page not found</h1>');
    expect(response.text).toContain('<meta name="robots" content="noindex">');
    expect(response.text).toContain('<a href="/courses/our-principles/">');
    expect(response.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(response.headers);
  });

  it('answers malformed percent-encoding with 400, not 500', async () => {
    const response = await request(listener).get('/courses/%E0%A4%A').expect(400);
    expect(response.text).toContain('<h1>Bad request</h1>');
  });

  it('answers other methods with 405 and the methods allowed', async () => {
    for (const method of ['post', 'put', 'delete'] as const) {
      const response = await request(listener)[method](COURSE).expect(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expectSecurityHeaders(response.headers);
    }
  });

  it('answers a failure with a 500 page that shows no stack trace and no path', async () => {
    const failing = {
      current: () => ({ ...rendered, responses: new Map([...rendered.responses]) }),
    };
    const holder = {
      current() {
        const site = failing.current();
        (site.responses as Map<string, unknown>).get = (url: string) => {
          if (url === '/boom/') throw new Error(`Failure in ${import.meta.filename}`);
          return rendered.responses.get(url);
        };
        return site;
      },
    };
    const { logger, lines } = captureLogs();
    const listener = createRequestListener(holder, createApp(holder, { logger }), { logger });
    const response = await request(listener).get('/boom/').expect(500);
    expect(response.text).toContain('<h1>Something went wrong</h1>');
    expect(response.text).not.toContain('Failure in');
    expect(response.text).not.toContain('/work/');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
    expect(lines.filter((line) => line.level === LEVELS.error)).toHaveLength(1);
    expectSecurityHeaders(response.headers);
  });
});

describe('prepared responses', () => {
  it('carry every security header, on pages and assets', async () => {
    const page = await request(listener).get(COURSE).expect(200);
    expectSecurityHeaders(page.headers);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(page.text)?.[1] ?? '';
    const asset = await request(listener).get(stylesheet).expect(200);
    expectSecurityHeaders(asset.headers);
  });

  it('revalidate pages with a strong ETag and answer 304 when it matches', async () => {
    const first = await request(listener)
      .get(COURSE)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.etag).toMatch(/^"[\w-]{22}"$/);
    const second = await request(listener)
      .get(COURSE)
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
    expect(second.text).toBe('');
    expectSecurityHeaders(second.headers);
  });

  it('cache fingerprinted assets for a year', async () => {
    const page = await request(listener).get(COURSE);
    const stylesheet =
      /<link rel="stylesheet" href="(\/assets\/css\/site\.[0-9a-f]{10}\.css)">/.exec(
        page.text,
      )?.[1];
    expect(stylesheet).toBeDefined();
    const asset = await request(listener).get(stylesheet!).expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('serve brotli or gzip to a client that asks, and plain bytes otherwise', async () => {
    const plain = await rawGet(listener, COURSE, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(listener, COURSE, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gzip = await rawGet(listener, COURSE, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('answer HEAD with the headers of GET and no body', async () => {
    const get = await request(listener).get(COURSE).set('Accept-Encoding', 'identity');
    const head = await request(listener)
      .head(COURSE)
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.text).toBeUndefined();
  });

  it('serve content images with their type', async () => {
    const page = await request(listener).get('/courses/our-principles/our-principles/');
    const image =
      /<img src="(\/assets\/content\/courses\/our-principles\/images\/principles\.[0-9a-f]{10}\.svg)"/.exec(
        page.text,
      )?.[1];
    const response = await request(listener).get(image!).expect(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
  });

  it('never build a file path from a URL', async () => {
    for (const path of [
      '/content/site.yaml',
      '/package.json',
      '/.env',
      '/.git/config',
      '/assets/..%2F..%2Fpackage.json',
      '/courses/our-principles/..%2F..%2Fsite.yaml',
    ]) {
      const response = await request(listener).get(path);
      expect(response.status, path).toBe(404);
    }
  });
});

describe('the health endpoint', () => {
  it('tells a load balancer that the process is up and holds the site', async () => {
    const response = await request(listener).get('/healthz').expect(200);
    expect(response.text).toMatch(/^ok: \d+ pages\n$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(response.headers);
  });

  it('answers 503 once the process is stopping, so that the balancer stops sending requests', async () => {
    const stopping = createApp(holdSite(rendered), {
      logger: silentLogger(),
      isStopping: () => true,
    });
    const response = await request(stopping).get('/healthz').expect(503);
    expect(response.text).toBe('stopping\n');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
