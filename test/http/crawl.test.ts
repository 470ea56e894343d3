import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureListener, SITE_URL } from '../support/fixture-site.js';
import { idsOf, referencesOf } from '../support/html.js';

type Listener = Awaited<ReturnType<typeof fixtureListener>>['listener'];

interface Fetched {
  readonly status: number;
  readonly html: string | undefined;
}

interface Link {
  readonly from: string;
  readonly path: string;
  readonly fragment: string;
}

const SITE = new URL(SITE_URL);

/** An href or src as the browser resolves it; undefined when it leaves the site. */
function internalLink(from: string, reference: string): Link | undefined {
  const target = new URL(reference, new URL(from, SITE));
  if (target.origin !== SITE.origin) return undefined;
  return { from, path: target.pathname, fragment: decodeURIComponent(target.hash.slice(1)) };
}

/** Every internal link of every page reachable from the catalog, each answered once. */
async function crawl(listener: Listener) {
  const fetched = new Map<string, Fetched>();
  const links: Link[] = [];
  const queue = ['/'];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (fetched.has(path)) continue;
    const response = await request(listener).get(path).redirects(0);
    const isHtml = String(response.headers['content-type']).startsWith('text/html');
    const html = isHtml ? response.text : undefined;
    fetched.set(path, { status: response.status, html });
    for (const reference of html === undefined ? [] : referencesOf(html)) {
      const link = internalLink(path, reference);
      if (!link) continue;
      links.push(link);
      if (!fetched.has(link.path)) queue.push(link.path);
    }
  }
  return { fetched, links };
}

let pageUrls: readonly string[];
let result: Awaited<ReturnType<typeof crawl>>;

beforeAll(async () => {
  const site = await fixtureListener();
  pageUrls = site.built.rendered.pageUrls;
  result = await crawl(site.listener);
});

describe('a crawl from the catalog', () => {
  it('reaches every page of the site', () => {
    expect(result.links.length).toBeGreaterThan(pageUrls.length);
    for (const url of pageUrls) expect(result.fetched.has(url), url).toBe(true);
  });

  it('follows links, stylesheets and images that all answer 200 at their canonical URL', () => {
    const broken = result.links
      .filter((link) => result.fetched.get(link.path)?.status !== 200)
      .map((link) => `${link.from} -> ${link.path} (${result.fetched.get(link.path)?.status})`);
    expect(broken).toEqual([]);
    const kinds = new Set([...result.fetched.keys()].map((path) => /\.[a-z]+$/.exec(path)?.[0]));
    expect(kinds).toContain('.css');
    expect(kinds).toContain('.svg');
  });

  it('finds the id of every #fragment on the page it points to', () => {
    const missing = result.links
      .filter((link) => link.fragment !== '')
      .filter((link) => {
        const html = result.fetched.get(link.path)?.html;
        return html === undefined || !idsOf(html).has(link.fragment);
      })
      .map((link) => `${link.from} -> ${link.path}#${link.fragment}`);
    expect(result.links.some((link) => link.fragment !== '')).toBe(true);
    expect(missing).toEqual([]);
  });
});
