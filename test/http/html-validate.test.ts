import { HtmlValidate, type Message } from 'html-validate';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureListener } from '../support/fixture-site.js';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // The layout writes `<!doctype html>` as the HTML standard does; keep that one spelling.
    'doctype-style': ['error', { style: 'lowercase' }],
    // The title pattern "Chapter - Course - Site" is deliberate (one pattern everywhere) and
    // passes 70 characters with long chapter titles: search engines cut the display, not the page.
    'long-title': 'off',
    // A wide table scrolls in a focusable `<div role="region" aria-label>` (src/markdown's table
    // plugin), the usual pattern for a keyboard-scrollable box; `<section>` would say the same.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
});

function describeMessage(url: string, message: Message): string {
  return `${url}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`;
}

async function problems(url: string, html: string): Promise<string[]> {
  const report = await validator.validateString(html, url);
  return report.results
    .flatMap((result) => result.messages)
    .map((message) => describeMessage(url, message));
}

let documents: [string, string][];

beforeAll(async () => {
  const site = await fixtureListener();
  documents = [];
  for (const url of site.built.rendered.pageUrls) {
    documents.push([url, (await request(site.listener).get(url).expect(200)).text]);
  }
  for (const url of ['/no-such-page/', '/fr/pas-de-page/'])
    documents.push([url, (await request(site.listener).get(url).expect(404)).text]);
  for (const url of [
    '/search/',
    '/search/?q=princ',
    '/search/?q=xylophone',
    '/search/?q=a+b+c+d+e+f+g+h+i',
    '/fr/search/?q=principes',
    '/fr/search/?q=xylophone',
  ])
    documents.push([url, (await request(site.listener).get(url).expect(200)).text]);
  for (const url of ['/search/', '/fr/search/']) {
    const exported = site.built.rendered.responses.get(url)!;
    documents.push([`the export’s ${url}`, exported.identity.body.toString('utf8')]);
  }
});

describe('the HTML of every page', () => {
  it('passes html-validate’s recommended rules', async () => {
    expect(documents.length).toBeGreaterThanOrEqual(9);
    const found = await Promise.all(documents.map(([url, html]) => problems(url, html)));
    expect(found.flat()).toEqual([]);
    // Some thirty documents, each validated in full: seconds on a busy machine.
  }, 30_000);

  it('is checked strictly enough to catch a broken document', async () => {
    const [url, html] = documents[0] ?? ['', ''];
    const broken = html.replace('</main>', '</div></main>').replace(' alt="', ' data-alt="');
    expect(await problems(url, broken)).not.toEqual([]);
  });
});
