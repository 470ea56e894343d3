import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { homeOf, searchUrlOf } from '../../src/content/urls.js';
import { captureHeaders, securityHeaders } from '../../src/http/security-headers.js';
import { readSnapshot, writeSnapshot } from '../../src/build/site-snapshot.js';
import { fixtureListener, listenerOf } from '../support/fixture-site.js';

type Fixture = Awaited<ReturnType<typeof fixtureListener>>;
let fixture: Fixture;
let listener: Fixture['listener'];

beforeAll(async () => {
  fixture = await fixtureListener();
  listener = fixture.listener;
});

const search = (query: string) => request(listener).get(`/search/?q=${encodeURIComponent(query)}`);
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const resultLinks = (html: string) =>
  [...html.matchAll(/<a class="search-result-link" href="([^"]+)"/g)].map((m) => m[1]);

describe('the header of every page', () => {
  it('holds a search form that works without JavaScript: a GET to /search/', async () => {
    for (const url of [...fixture.built.rendered.pageUrls, '/search/', '/no-such-page/']) {
      const { text } = await request(listener).get(url);
      // Each language's pages search from its own search page: /search/, /fr/search/.
      const action = searchUrlOf(homeOf(url));
      expect(text, url).toContain(
        `<form class="site-search" role="search" action="${action}" method="get" aria-label="Site">`,
      );
      expect(text, url).toMatch(/<input [^>]*id="site-search-input" type="search" name="q"/);
    }
  });
});

describe('/search/?q=', () => {
  it('answers ranked results: a title word finds its chapter first', async () => {
    const { text } = await search('markdown').expect(200);
    expect(resultLinks(text)[0]).toBe('/courses/write-a-course/markdown/');
    expect(text).toContain('<span class="search-result-title">Writing in Markdown</span>');
  });

  it('links a heading word to that heading, with the chapter’s course', async () => {
    const { text } = await search('tables').expect(200);
    expect(resultLinks(text)[0]).toBe('/courses/write-a-course/markdown/#tables');
    expect(text).toContain('<p class="search-result-context">Write a course with Lectern</p>');
  });

  it('forgives a prefix, a typo and missing accents, and marks what matched', async () => {
    for (const query of ['princ', 'principels']) {
      const [first] = resultLinks((await search(query)).text);
      expect(first, query).toMatch(/^\/courses\/our-principles\/our-principles\/(#|$)/);
    }
    const { text } = await search('eleve');
    expect(resultLinks(text)).toEqual(['/courses/write-a-course/front-matter/#difficulty']);
    expect(text).toContain('<mark>élève</mark>');
    expect(text).toContain('1 result for “eleve”');
  });

  it('is not indexed, but its links are followed', async () => {
    const { text } = await search('markdown');
    expect(text).toContain('<meta name="robots" content="noindex, follow">');
    expect(text).not.toContain('rel="canonical"');
  });

  it('carries the security headers of every page, and is not stored', async () => {
    const response = await search('markdown');
    const expected = captureHeaders(securityHeaders());
    for (const [name, value] of expected)
      expect(response.headers[name.toLowerCase()], name).toBe(value);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('shows a query of HTML or script as text', async () => {
    const { text } = await search('"><script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img');
  });

  it('cuts an over-long query and says so', async () => {
    const { text } = await search('care '.repeat(300)).expect(200);
    expect(text).toContain('Your search was cut to its first 8 words.');
  });

  it('says when nothing was found, and suggests the catalog', async () => {
    const { text } = await search('xylophone').expect(200);
    expect(text).toContain('No results for “xylophone”.');
    expect(mainOf(text)).toContain('<a href="/">browse all courses</a>');
  });

  it('is the form alone for an empty query', async () => {
    for (const url of ['/search/', '/search/?q=', '/search/?q=%20%20']) {
      const { text } = await request(listener).get(url).expect(200);
      expect(mainOf(text), url).toContain('<input class="search-input" id="search-query"');
      expect(mainOf(text), url).not.toContain('class="search-result');
      expect(mainOf(text), url).toContain('data-search-summary></p>');
    }
  });

  it('answers the last page for a page past the end, and 404 for a page that is no number', async () => {
    const last = await request(listener).get('/search/?q=markdown&page=99').expect(200);
    expect(resultLinks(last.text)[0]).toBe('/courses/write-a-course/markdown/');
    for (const page of ['abc', '0', '-2', '1e3'])
      await request(listener).get(`/search/?q=markdown&page=${page}`).expect(404);
  });

  it('answers HEAD, and redirects /search to /search/', async () => {
    await request(listener).head('/search/?q=markdown').expect(200);
    await request(listener).get('/search').expect(301).expect('Location', '/search/');
  });

  it('answers the same from a site read back from its snapshot', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-search-'));
    try {
      const file = path.join(dir, 'site.snapshot');
      const { rendered } = fixture.built;
      await writeSnapshot(
        rendered,
        captureHeaders(securityHeaders()),
        { siteUrl: '', warnings: [] },
        file,
      );
      const read = await readSnapshot(file);
      const served = listenerOf({ ...fixture.built, rendered: read.rendered }).listener;
      const fromSnapshot = await request(served).get('/search/?q=principels');
      expect(fromSnapshot.text).toBe((await search('principels')).text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the search page of the static export', () => {
  it('says, without JavaScript, that search needs it there, and links the catalog', () => {
    const page = fixture.built.rendered.responses.get('/search/')!.identity.body.toString();
    expect(page).toContain('data-search-mode="static"');
    expect(page).toContain(
      'Search needs JavaScript on this site. Turn JavaScript on, or <a href="/">browse all courses</a>.',
    );
  });

  it('comes with the index in pieces: an entry file, term files and page files', () => {
    const urls = [...fixture.built.rendered.responses.keys()];
    expect(urls).toContain('/search/index.json');
    expect(urls.some((url) => /^\/search\/terms\/[0-9a-f]+\.[\w-]{10}\.json$/.test(url))).toBe(
      true,
    );
    expect(urls).toContain('/search/pages/courses/write-a-course/markdown.json');
  });
});
