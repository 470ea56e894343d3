import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.js';
import { createApp, createRequestListener } from '../../src/app.js';
import { buildFixtureSite, SITE_URL } from '../support/fixture-site.js';
import { jsonLdOf, metaContent } from '../support/html.js';
import { listen, rawExchange, send, type Answer, type Listening } from '../support/http-client.js';

const COURSE = '/courses/our-principles/';
const CHAPTER = '/courses/our-principles/our-principles/';
const LONG_SLUG = 'a'.repeat(15_000);

let listening: Listening;
let etag: string;
let courseBytes: number;
let organizationUrl: string;

beforeAll(async () => {
  const built = await buildFixtureSite();
  organizationUrl = built.loaded.site.organization.url;
  const logger = silentLogger();
  const holder = { current: () => built.rendered };
  listening = await listen(
    createRequestListener(holder, createApp(holder, { logger }), { logger }),
  );
  const page = await send(listening.port, COURSE);
  etag = String(page.headers.etag);
  courseBytes = page.body.length;
});

afterAll(() => listening.close());

interface Case {
  readonly name: string;
  readonly path: string;
  readonly status: number;
  readonly method?: string;
  readonly headers?: () => Record<string, string>;
  /** What else this answer must show. */
  readonly check?: (answer: Answer) => void;
  /** Answered by Node's HTTP parser, not by the app. */
  readonly parser?: boolean;
}

const get = (path: string, status: number, name = `GET ${path.slice(0, 80)}`): Case => ({
  name,
  path,
  status,
});

const fullPage = (answer: Answer) => {
  expect(answer.headers['content-range']).toBeUndefined();
  expect(answer.body.length).toBe(courseBytes);
};
const plainBytes = (answer: Answer) => {
  expect(answer.headers['content-encoding']).toBeUndefined();
  fullPage(answer);
};
const methodNotAllowed = (answer: Answer) => expect(answer.headers.allow).toBe('GET, HEAD');
const noBody = (answer: Answer) => expect(answer.body.length).toBe(0);

const TRAVERSAL: readonly Case[] = [
  get('/..%2F..%2Fetc%2Fpasswd', 404),
  get('/courses/..%2F..%2Fpackage.json', 404),
  get('/courses/our-principles/..%2F..%2F..%2Fpackage.json', 404),
  get('/assets/..%2f..%2fpackage.json', 404),
  get('/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 404),
  get('/courses/%2e%2e/%2e%2e/package.json', 404),
  get('/assets/%2E%2E/%2E%2E/src/server.ts', 404),
  get('/..%5C..%5Cpackage.json', 404),
  get('/courses/..%5c..%5ccontent%5csite.yaml', 404),
  get('/%252e%252e%252fpackage.json', 404),
  get('/courses/%252e%252e%252f%252e%252e%252fpackage.json', 404),
  get('/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd', 400),
  get('/courses/%C0%AE%C0%AE%C0%AFpackage.json', 400),
  get('/courses/our-principles%00/', 404),
  get('/package.json%00.html', 404),
  get(`${CHAPTER}%00`, 404),
  get('/../../etc/passwd', 404),
  get('/courses/our-principles/../../../package.json', 404),
  get('/.git/config', 404),
  get('/.git/HEAD', 404),
  get('/.env', 404),
  get('/.env.production', 404),
  get('/package.json', 404),
  get('/package-lock.json', 404),
  get('/tsconfig.json', 404),
  get('/content/site.yaml', 404),
  get('/content/courses/our-principles/course.md', 404),
  get('/courses/our-principles/course.md', 404),
  get('/courses/our-principles/01-our-principles.md', 404),
  get('/node_modules/express/package.json', 404),
  get('/src/server.ts', 404),
  get('/build/server.js', 404),
  get('/views/layout.ejs', 404),
  get('/views/pages/status.ejs', 404),
  get('/assets/', 404),
  get('/assets/css/site.css', 404),
];

const ENCODING_AND_SIZE: readonly Case[] = [
  get('/%', 400),
  get('/courses/%E0%A4%A', 400),
  get('/courses/%zz/', 400),
  get('/courses/%FF/', 400),
  get('/courses/%ED%A0%80/', 400),
  get(`/courses/${LONG_SLUG}/`, 404, 'GET a 15,000-character course slug'),
  get(`${COURSE}${LONG_SLUG}/`, 404, 'GET a 15,000-character chapter slug'),
  get(`/courses/${'b'.repeat(200)}/`, 404, 'GET a 200-character slug'),
  get(`/${'%2F'.repeat(3000)}`, 404, 'GET 3,000 encoded slashes'),
  get('/?q=a&q=b', 200),
  get('/?q[]=x&q[y]=z', 200),
  get('/?__proto__[x]=1&constructor[prototype][x]=1', 200),
  get(`${COURSE}?page=-1&n=NaN&big=1e999`, 200),
  get(`${COURSE}?%E0%A4%A`, 200),
  get(
    `/?${Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')}`,
    200,
    'GET 1,000 query parameters',
  ),
];

const REDIRECTS: readonly Case[] = [
  ...[
    '//evil.example/',
    '//evil.example',
    '/\\evil.example/',
    '/\\\\evil.example/',
    '/%2F%2Fevil.example/',
    '/%5C%5Cevil.example/',
    '/%09/evil.example',
    '///evil.example/',
    '/https:evil.example',
    '/https://evil.example/',
    '//evil.example/courses/our-principles',
  ].map((path) => get(path, 404, `GET ${path} (no redirect off the site)`)),
  {
    ...get(
      '//courses/our-principles/',
      301,
      'GET //courses/our-principles/ (a same-site redirect)',
    ),
    check: (answer) => expect(answer.headers.location).toBe(COURSE),
  },
  {
    ...get('/courses/our-principles', 301, 'GET a URL without its slash, with a spoofed Host'),
    headers: () => ({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }),
    check: (answer) => expect(answer.headers.location).toBe(COURSE),
  },
];

const METHODS: readonly Case[] = [
  ...['TRACE', 'PUT', 'DELETE', 'POST', 'PATCH', 'OPTIONS', 'PROPFIND'].map((method): Case => ({
    name: `${method} on a page (405)`,
    method,
    path: COURSE,
    status: 405,
    check: methodNotAllowed,
  })),
  {
    name: 'TRACE on the catalog',
    method: 'TRACE',
    path: '/',
    status: 405,
    check: methodNotAllowed,
  },
  {
    name: 'POST to an unknown URL',
    method: 'POST',
    path: '/nope/',
    status: 405,
    check: methodNotAllowed,
  },
  {
    name: 'DELETE with a traversal path',
    method: 'DELETE',
    path: '/..%2Fpackage.json',
    status: 405,
    check: methodNotAllowed,
  },
  { name: 'HEAD on a page', method: 'HEAD', path: COURSE, status: 200, check: noBody },
  { name: 'HEAD on an unknown URL', method: 'HEAD', path: '/nope/', status: 404, check: noBody },
  { name: 'HEAD with malformed encoding', method: 'HEAD', path: '/%', status: 400, check: noBody },
];

const header = (name: string, value: string, status: number, check?: Case['check']): Case => ({
  name: `GET a page with ${name}: ${value.length > 40 ? `${value.slice(0, 30)}... (${value.length} characters)` : value}`,
  path: COURSE,
  status,
  headers: () => ({ [name]: value }),
  check,
});

const HEADERS: readonly Case[] = [
  header('If-None-Match', '*', 304, noBody),
  header('If-None-Match', '"garbage"', 200, fullPage),
  header('If-None-Match', 'no quotes, W/, ,,, "', 200, fullPage),
  header('If-None-Match', `"${'x'.repeat(8000)}"`, 200, fullPage),
  {
    name: 'GET a page with If-None-Match: 500 tags, its own among them',
    path: COURSE,
    status: 304,
    headers: () => ({
      'if-none-match': [...Array.from({ length: 500 }, (_, i) => `"tag-${i}"`), etag].join(', '),
    }),
  },
  {
    name: 'GET a page with a weak If-None-Match of its ETag',
    path: COURSE,
    status: 304,
    headers: () => ({ 'if-none-match': `W/${etag}` }),
  },
  header('If-Modified-Since', 'not a date', 200, fullPage),
  header('Range', 'bytes=0-10', 200, fullPage),
  header('Range', 'bytes=abc', 200, fullPage),
  header('Range', 'bytes=999999-', 200, fullPage),
  header(
    'Range',
    Array.from({ length: 100 }, (_, i) => `${i}-${i}`)
      .join(',')
      .replace(/^/, 'bytes='),
    200,
    fullPage,
  ),
  header('Accept-Encoding', 'br;q=0', 200, plainBytes),
  header('Accept-Encoding', '*;q=0', 200, plainBytes),
  header('Accept-Encoding', 'identity;q=0', 200, plainBytes),
  header('Accept-Encoding', '@@@;;;q=x,,, ;q=', 200, plainBytes),
  header('Accept-Encoding', 'gzip;q=abc', 200),
  header(
    'Accept-Encoding',
    Array.from({ length: 1000 }, (_, i) => `x${i};q=0.${i % 10}`)
      .join(',')
      .slice(0, 10_240),
    200,
    plainBytes,
  ),
  header('Cookie', `session=${'c'.repeat(8000)}`, 200, fullPage),
  header('X-Request-Id', '<script>alert(1)</script>', 200),
  // Refused by Node's parser before the app: a short text answer (the app never saw a request).
  { ...header('Content-Length', '-1', 400), parser: true },
  { ...header('Transfer-Encoding', 'chunked, identity', 400), parser: true },
];

const CASES: readonly Case[] = [
  ...TRAVERSAL,
  ...ENCODING_AND_SIZE,
  ...REDIRECTS,
  ...METHODS,
  ...HEADERS,
];

const STACK_FRAME = /^\s+at .+[(:]\d+/m;
const FILESYSTEM = /\/work\/|\/root\/|\/home\/|node_modules|\.ts:\d*/;

describe('bad input', () => {
  it('is tried more than 60 ways', () => {
    expect(CASES.length).toBeGreaterThan(60);
  });

  it.each(CASES)('answers $name with $status, a real page and every header', async (item) => {
    const answer = await send(listening.port, item.path, {
      method: item.method ?? 'GET',
      headers: item.headers?.() ?? {},
    });
    expect(answer.status).toBe(item.status);
    expect(answer.text).not.toMatch(STACK_FRAME);
    expect(answer.text).not.toMatch(FILESYSTEM);
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toBeDefined();
    const location = answer.headers.location;
    if (location !== undefined) expect(location).toMatch(/^\/(?![/\\])/);
    if (item.parser) {
      expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    } else if (answer.status >= 400 && item.method !== 'HEAD') {
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.text).toContain('<h1>');
    }
    item.check?.(answer);
  });
});

const RAW: readonly { name: string; request: string; status: number }[] = [
  {
    name: 'a 20 KB URL',
    request: `GET /${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    status: 431,
  },
  {
    name: 'a 17 KB header',
    request: `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    status: 431,
  },
  {
    name: '300 headers of 60 bytes',
    request: `GET / HTTP/1.1\r\nHost: localhost\r\n${Array.from({ length: 300 }, (_, i) => `X-H${i}: ${'v'.repeat(50)}\r\n`).join('')}\r\n`,
    status: 431,
  },
  { name: 'OPTIONS *', request: 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n', status: 405 },
  { name: 'no Host header', request: 'GET / HTTP/1.1\r\n\r\n', status: 400 },
  {
    name: 'a raw NUL in the path',
    request: 'GET /a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n',
    status: 400,
  },
  {
    name: 'a raw space in the path',
    request: 'GET /a b/ HTTP/1.1\r\nHost: x\r\n\r\n',
    status: 400,
  },
  { name: 'an unknown method', request: 'BREW / HTTP/1.1\r\nHost: x\r\n\r\n', status: 400 },
  { name: 'HTTP/9.9', request: 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', status: 400 },
  {
    name: 'bytes that are not HTTP',
    request: '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003',
    status: 400,
  },
  {
    name: 'an absolute-form request for another site',
    request: 'GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\n\r\n',
    status: 404,
  },
];

describe('requests that the HTTP parser sees first', () => {
  it.each(RAW)(
    'answers $name with $status and closes or keeps the connection cleanly',
    async (item) => {
      const answer = await rawExchange(listening.port, [
        item.request + 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ]);
      expect(answer.closedByServer).toBe(true);
      expect(answer.status).toBe(item.status);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.text).not.toMatch(STACK_FRAME);
      expect(answer.text).not.toMatch(FILESYSTEM);
      // The server is still there for the next learner.
      expect((await send(listening.port, '/')).status).toBe(200);
    },
  );
});

const SPOOFED = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'http',
  forwarded: 'host=evil.example;proto=http',
};

/** Every string in a JSON-LD value that looks like a URL. */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

describe('a spoofed Host or X-Forwarded-* header', () => {
  it.each([COURSE, CHAPTER, '/'])('changes no URL in %s', async (path) => {
    const page = await send(listening.port, path, { headers: SPOOFED });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('evil.example');
    expect(/<link rel="canonical" href="([^"]+)">/.exec(page.text)?.[1]).toBe(SITE_URL + path);
    expect(metaContent(page.text, 'og:url')).toBe(SITE_URL + path);
    // Besides the site's own, JSON-LD names schema.org and the organisation (and its links).
    const urls = jsonLdOf(page.text).flatMap(urlsIn);
    const external = ['https://schema.org', organizationUrl];
    const own = urls.filter((url) => !external.some((prefix) => url.startsWith(prefix)));
    expect(own.length).toBeGreaterThan(0);
    for (const url of own) expect(url.startsWith(`${SITE_URL}/`)).toBe(true);
  });

  it.each(['/sitemap.xml', '/robots.txt'])('changes no URL in %s', async (path) => {
    const answer = await send(listening.port, path, { headers: SPOOFED });
    expect(answer.text).not.toContain('evil.example');
    expect(answer.text).toContain(SITE_URL);
  });
});
