/// <reference lib="dom" />
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT_DIR, ROOT, SITE_URL } from '../support/fixture-site.js';
import { nginxMissing, startNginx, type LocalNginx } from '../support/nginx-server.js';
import { readableTempDir, runToEnd } from '../support/processes.js';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const MARKDOWN = '/courses/write-a-course/markdown/';
const PRINCIPLES = '/courses/our-principles/our-principles/';

const resultUrls = (page: Page) =>
  page.locator('.search-result-link').evaluateAll((links) =>
    links.map((link) => {
      const url = new URL((link as HTMLAnchorElement).href);
      return url.pathname + url.hash;
    }),
  );

/** Types into the page's search box as a person does, a key at a time. */
async function typeQuery(page: Page, text: string) {
  const box = page.locator('#search-query');
  await box.fill('');
  await box.pressSequentially(text, { delay: 30 });
}

/** Search as you type, arrows and Enter: the same on the server and on the static host. */
async function searchesAsYouType(page: Page, base: string) {
  await page.goto(base + '/search/');
  await typeQuery(page, 'tabl');
  await expect.poll(() => resultUrls(page)).toContain(`${MARKDOWN}#tables`);
  await expect
    .poll(() => page.getByRole('status').textContent())
    .toMatch(/^\d+ results? for “tabl”$/);
  expect(new URL(page.url()).search).toBe('?q=tabl');
  await typeQuery(page, 'principels');
  // At once, before the answer: the arrow waits for the last keystroke's results.
  await page.keyboard.press('ArrowDown');
  const first = page.locator('.search-result-link').first();
  const focused = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => element === document.activeElement);
  await expect.poll(() => focused('.search-result-link')).toBe(true);
  expect((await resultUrls(page))[0]).toMatch(/^\/courses\/our-principles\/our-principles\//);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused('#search-query')).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused('.search-result-link')).toBe(true);
  const target = new URL((await first.getAttribute('href'))!, base);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === target.pathname);
  expect(new URL(page.url()).pathname).toBe(PRINCIPLES);
}

describe('search against the server', () => {
  it('from the header: "/" focuses it, and Enter lands on the results', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + MARKDOWN);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('eleve');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    expect(await resultUrls(page)).toEqual(['/courses/write-a-course/front-matter/#difficulty']);
    expect(await page.locator('.search-result-excerpt mark').first().textContent()).toBe('élève');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers as you type, with arrow keys and Enter to pick a result', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await searchesAsYouType(page, site.base);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: the header form, the results, the deep link', async () => {
    const { page, errors, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + '/');
    await page.locator('#site-search-input').fill('tables');
    await page.locator('.site-search-button').click();
    await page.waitForURL((url) => url.pathname === '/search/');
    await page.locator('.search-result-link').first().click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`${MARKDOWN}#tables`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// The export, served by nginx with deploy/nginx.conf: the browser answers from the index files.
const missing = nginxMissing();
const skip = missing !== undefined && !process.env.CI;

describe.skipIf(skip)('search on the static export, served by nginx', () => {
  let workDir: string;
  let nginx: LocalNginx | undefined;

  beforeAll(async () => {
    if (missing) throw new Error(missing);
    workDir = await readableTempDir('lectern-search-e2e-');
    const outDir = path.join(workDir, 'dist');
    await runToEnd(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/export.ts'], {
      cwd: ROOT,
      env: { ...process.env, OUT_DIR: outDir, SITE_URL, CONTENT_DIR: FIXTURE_CONTENT_DIR },
    });
    nginx = await startNginx(outDir);
  });

  afterAll(async () => {
    await nginx?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('answers a query in the URL, and as you type, with no console error or CSP violation', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(`${nginx!.url}/search/?q=markdown`);
    await expect.poll(async () => (await resultUrls(page))[0]).toBe(MARKDOWN);
    expect(await page.locator('[data-search-needs-js]').count()).toBe(0);
    await searchesAsYouType(page, nginx!.url);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('passes axe-core with results shown', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(`${nginx!.url}/search/?q=princ`);
    await expect.poll(async () => (await resultUrls(page)).length).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    await context.close();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('says without JavaScript that search needs it there, and links the catalog', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${nginx!.url}/`);
    await page.locator('#site-search-input').fill('markdown');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/');
    const notice = page.locator('[data-search-needs-js]');
    expect(await notice.textContent()).toContain('Search needs JavaScript on this site.');
    expect(
      await notice.getByRole('link', { name: 'browse all courses' }).getAttribute('href'),
    ).toBe('/');
    await context.close();
  });
});
