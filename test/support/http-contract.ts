import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { send as sendToPort, type Answer } from './http-client.js';

/**
 * One HTTP contract for everything that serves the site: the Lectern server, and nginx serving
 * the static export with deploy/nginx.conf. Both run this table (test/http/contract.test.ts and
 * test/nginx/nginx.test.ts), so a header or a redirect cannot change in one and not the other.
 * The fixture content (test/fixtures/site/) is served, with SITE_URL=https://courses.example.com.
 */

export type Target = 'server' | 'nginx';

export const COURSE = '/courses/our-principles/';
export const CHAPTER = '/courses/our-principles/our-principles/';

/** Every security header the server sends (helmet's configuration in src/http/security-headers.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';manifest-src 'self';base-uri 'none';form-action 'self';frame-ancestors 'none';object-src 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const HTML = 'text/html; charset=utf-8';
const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const HOUR = 'public, max-age=3600';
const NO_STORE = 'no-store';
const ETAG = /^"[^"]+"$/;

export type HttpAnswer = Answer;

/** A request sent exactly as written (`//evil.example` stays two slashes), to a base URL. */
export function send(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return sendToPort(Number(new URL(base).port), path, options);
}

/** What the checks need to know of the site as served: asset URLs, a page's plain bytes. */
export interface Discovered {
  readonly stylesheet: string;
  readonly script: string;
  readonly icon: string;
  readonly courseIdentity: Buffer;
  readonly courseEtag: string;
  /** A term file of the static search index. */
  readonly searchTerms: string;
}

export async function discover(base: string): Promise<Discovered> {
  const page = await send(base, COURSE, { headers: { 'accept-encoding': 'identity' } });
  const html = page.body.toString('utf8');
  const find = (pattern: RegExp, what: string) => {
    const found = pattern.exec(html)?.[1];
    if (!found) throw new Error(`No ${what} in ${COURSE}`);
    return found;
  };
  const index = await send(base, '/search/index.json', {
    headers: { 'accept-encoding': 'identity' },
  });
  const terms = (JSON.parse(index.body.toString('utf8')) as { terms: Record<string, string> })
    .terms;
  return {
    searchTerms: Object.values(terms)[0] ?? '/search/index.json has no term file',
    stylesheet: find(/<link rel="stylesheet" href="([^"]+)">/, 'stylesheet'),
    script: find(/<script src="(\/assets\/[^"]+\.js)"/, 'script'),
    icon: find(/<link rel="icon" href="([^"]+)"/, 'icon'),
    courseIdentity: page.body,
    courseEtag: String(page.headers.etag),
  };
}

interface Expectation {
  readonly status: number | readonly number[];
  /** The Location header; null: none. */
  readonly location?: string | null;
  /** Exact values, a pattern, or null for "absent". */
  readonly headers?: Readonly<Record<string, string | RegExp | null>>;
  /** Every security header; true unless said otherwise. */
  readonly securityHeaders?: boolean;
  readonly bodyContains?: readonly string[];
  readonly emptyBody?: boolean;
  /** The body, decoded with this coding, is the page's plain bytes. */
  readonly decodesToCourse?: 'br' | 'gzip' | 'identity';
}

export interface ContractCheck {
  readonly name: string;
  readonly method?: string;
  readonly path: string | ((found: Discovered) => string);
  readonly headers?: (found: Discovered) => Record<string, string>;
  readonly expect: Expectation;
  /** Why nginx is not held to this check; absent: both are. */
  readonly serverOnly?: string;
}

const page = (name: string, path: string): ContractCheck => ({
  name,
  path,
  expect: {
    status: 200,
    headers: { 'content-type': HTML, 'cache-control': NO_CACHE, etag: ETAG },
  },
});

const redirect = (from: string, to: string): ContractCheck => ({
  name: `redirects ${from} to ${to}`,
  path: from,
  expect: { status: 301, location: to, headers: { 'cache-control': HOUR } },
});

export const notFound = (
  path: string,
  status: number | readonly number[] = 404,
): ContractCheck => ({
  name: `answers ${path} with ${Array.isArray(status) ? status.join(' or ') : String(status)}, no redirect`,
  path,
  expect: { status, location: null },
});

export const CONTRACT: readonly ContractCheck[] = [
  page('serves the catalog', '/'),
  page('serves a course page', COURSE),
  page('serves a chapter page', CHAPTER),
  page('ignores a query string', `${COURSE}?utm_source=newsletter`),
  {
    name: 'sends brotli to a client that accepts it',
    path: COURSE,
    headers: () => ({ 'accept-encoding': 'gzip, deflate, br' }),
    expect: {
      status: 200,
      headers: { 'content-encoding': 'br', vary: 'Accept-Encoding' },
      decodesToCourse: 'br',
    },
  },
  {
    name: 'sends gzip to a client without brotli',
    path: COURSE,
    headers: () => ({ 'accept-encoding': 'gzip' }),
    expect: {
      status: 200,
      headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' },
      decodesToCourse: 'gzip',
    },
  },
  {
    name: 'sends plain bytes to a client that accepts no coding',
    path: COURSE,
    headers: () => ({ 'accept-encoding': 'identity' }),
    expect: {
      status: 200,
      headers: { 'content-encoding': null, vary: 'Accept-Encoding' },
      decodesToCourse: 'identity',
    },
  },
  {
    name: 'answers HEAD with the headers of GET and no body',
    method: 'HEAD',
    path: COURSE,
    headers: () => ({ 'accept-encoding': 'identity' }),
    expect: { status: 200, headers: { 'content-type': HTML, etag: ETAG }, emptyBody: true },
  },
  {
    name: 'answers 304 to a matching If-None-Match',
    path: COURSE,
    headers: (found) => ({ 'accept-encoding': 'identity', 'if-none-match': found.courseEtag }),
    expect: { status: 304, emptyBody: true },
  },
  {
    name: 'sends the page again for a stale If-None-Match',
    path: COURSE,
    headers: () => ({ 'accept-encoding': 'identity', 'if-none-match': '"stale"' }),
    expect: { status: 200, decodesToCourse: 'identity' },
  },
  {
    name: 'caches the stylesheet for a year',
    path: (found) => found.stylesheet,
    expect: {
      status: 200,
      headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': IMMUTABLE },
    },
  },
  {
    name: 'caches the script for a year',
    path: (found) => found.script,
    expect: {
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': IMMUTABLE },
    },
  },
  {
    name: 'caches the icon for a year',
    path: (found) => found.icon,
    expect: {
      status: 200,
      headers: { 'content-type': 'image/svg+xml', 'cache-control': IMMUTABLE },
    },
  },
  {
    name: 'serves the sitemap, cached for an hour',
    path: '/sitemap.xml',
    expect: {
      status: 200,
      headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': HOUR },
      bodyContains: ['<loc>https://courses.example.com/courses/our-principles/</loc>'],
    },
  },
  {
    name: 'serves robots.txt, cached for an hour',
    path: '/robots.txt',
    expect: {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': HOUR },
      bodyContains: ['Sitemap: https://courses.example.com/sitemap.xml'],
    },
  },
  {
    // The server answers the query; nginx sends the page whose script answers it in the browser.
    name: 'serves the search page, not indexed but followed',
    path: '/search/?q=care',
    expect: {
      status: 200,
      headers: { 'content-type': HTML, 'cache-control': NO_CACHE },
      bodyContains: ['<meta name="robots" content="noindex, follow">', 'data-search-input'],
    },
  },
  {
    name: 'serves the static search index, revalidated',
    path: '/search/index.json',
    expect: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': NO_CACHE },
    },
  },
  {
    name: 'caches a term file of the search index for a year',
    path: (found) => found.searchTerms,
    expect: {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': IMMUTABLE },
    },
  },
  redirect('/search', '/search/'),
  redirect('/courses/our-principles', COURSE),
  redirect(CHAPTER.slice(0, -1), CHAPTER),
  redirect('/courses/our-principles?from=mail', COURSE),
  redirect('/courses//our-principles/', COURSE),
  redirect('/courses//our-principles', COURSE),
  redirect('/courses/our-principles/index.html', COURSE),
  redirect('/index.html', '/'),
  {
    ...redirect('/Courses/Our-Principles/', COURSE),
    serverOnly:
      'nginx cannot lowercase a path without a scripting module; static hosts answer 404 too',
  },
  ...['//evil.example/', '//evil.example', '/\\evil.example/', '/%2F%2Fevil.example/'].map((path) =>
    notFound(path),
  ),
  notFound('///evil.example/'),
  {
    name: 'answers an unknown URL with the 404 page, never cached',
    path: '/courses/nope/',
    headers: () => ({ 'accept-encoding': 'identity' }),
    expect: {
      status: 404,
      headers: { 'content-type': HTML, 'cache-control': NO_STORE },
      bodyContains: [
        '<h1>Page not found</h1>',
        '<meta name="robots" content="noindex">',
        `<a href="${COURSE}">`,
      ],
    },
  },
  {
    name: 'answers an unknown asset with 404',
    path: '/assets/css/site.0000000000.css',
    expect: { status: 404, headers: { 'cache-control': NO_STORE } },
  },
  {
    name: 'answers an unknown URL under a language’s home with that language’s 404 page',
    path: '/fr/courses/nope/',
    headers: () => ({ 'accept-encoding': 'identity' }),
    expect: {
      status: 404,
      headers: { 'content-type': HTML, 'cache-control': NO_STORE },
      bodyContains: [
        '<html lang="fr">',
        '<h1>Page introuvable</h1>',
        '<a href="/fr/courses/nos-principes/">',
      ],
    },
  },
  {
    name: 'answers an unknown language’s address with the site’s 404 page',
    path: '/xx/courses/nope/',
    headers: () => ({ 'accept-encoding': 'identity' }),
    expect: { status: 404, bodyContains: ['<h1>Page not found</h1>'] },
  },
  notFound('/404.html'),
  notFound('/fr/404.html'),
  redirect('/fr', '/fr/'),
  notFound('/assets/css/'),
  notFound('/courses/'),
  {
    name: 'answers malformed percent-encoding with 400',
    path: '/courses/%E0%A4%A',
    expect: { status: 400, headers: { 'content-type': HTML } },
  },
  ...(['POST', 'PUT', 'DELETE', 'PATCH'] as const).map((method): ContractCheck => ({
    name: `answers ${method} with 405 and the methods allowed`,
    method,
    path: COURSE,
    expect: { status: 405, headers: { allow: 'GET, HEAD', 'cache-control': NO_STORE } },
  })),
  {
    name: 'answers POST to an unknown URL with 405 too',
    method: 'POST',
    path: '/courses/nope/',
    expect: { status: 405, headers: { allow: 'GET, HEAD' } },
  },
  ...['/content/site.yaml', '/package.json', '/.env', '/.git/config'].map((path) => notFound(path)),
  // The export's own files: its marker, and the precompressed copies, which are sent only as the
  // coded body of their page (never as application/octet-stream at a URL of their own).
  ...[
    '/.lectern-export.json',
    '/index.html.br',
    '/404.html.gz',
    `${COURSE}index.html.gz`,
    '/sitemap.xml.br',
  ].map((path) => notFound(path)),
  // nginx refuses a path that climbs above its root with 400; the server knows no such page: 404.
  notFound('/assets/..%2F..%2Fpackage.json', [400, 404]),
  notFound('/courses/our-principles/..%2F..%2Fsite.yaml', [400, 404]),
];

export function checksFor(target: Target): readonly ContractCheck[] {
  return CONTRACT.filter((check) => target === 'server' || check.serverOnly === undefined);
}

function decode(body: Buffer, coding: 'br' | 'gzip' | 'identity'): Buffer {
  if (coding === 'br') return brotliDecompressSync(body);
  if (coding === 'gzip') return gunzipSync(body);
  return body;
}

function expectHeaders(answer: HttpAnswer, expected: Expectation['headers'] = {}): void {
  for (const [name, value] of Object.entries(expected)) {
    const actual = answer.headers[name];
    if (value === null) expect(actual, name).toBeUndefined();
    else if (value instanceof RegExp) expect(actual, name).toMatch(value);
    else expect(actual, name).toBe(value);
  }
}

/** Sends a check's request to `base` and holds the answer to the check's expectations. */
export async function runCheck(base: string, check: ContractCheck, found: Discovered) {
  const path = typeof check.path === 'function' ? check.path(found) : check.path;
  const answer = await send(base, path, {
    method: check.method ?? 'GET',
    headers: check.headers?.(found) ?? {},
  });
  const { expect: expected } = check;
  const statuses: readonly number[] = Array.isArray(expected.status)
    ? expected.status
    : [expected.status];
  expect(statuses, `status of ${path}`).toContain(answer.status);
  if (expected.location !== undefined) {
    expect(answer.headers.location ?? null, 'location').toBe(expected.location);
  }
  expectHeaders(answer, expected.headers);
  if (expected.securityHeaders !== false) {
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(answer.headers['x-powered-by']).toBeUndefined();
  }
  const text = answer.body.toString('utf8');
  for (const fragment of expected.bodyContains ?? []) expect(text).toContain(fragment);
  if (expected.emptyBody) expect(answer.body.length).toBe(0);
  if (expected.decodesToCourse) {
    expect(decode(answer.body, expected.decodesToCourse).equals(found.courseIdentity)).toBe(true);
  }
  return answer;
}
