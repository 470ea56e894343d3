/// <reference lib="dom" />
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const COURSE = '/courses/write-a-course/';
const FIRST = '/courses/write-a-course/course-and-chapters/';
const SECOND = '/courses/write-a-course/front-matter/';

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').textContent())?.trim() ?? '';
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a learner in the browser', () => {
  it('goes from the catalog to a course, its first chapter, the next one and back', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + '/');
    await page.getByRole('link', { name: 'Write a course with Lectern' }).click();
    expect(new URL(page.url()).pathname).toBe(COURSE);
    await page.getByRole('link', { name: 'Start the course' }).click();
    expect(new URL(page.url()).pathname).toBe(FIRST);
    expect(await heading(page)).toBe('Courses and chapters');
    await page.locator('a[rel="next"]').click();
    expect(new URL(page.url()).pathname).toBe(SECOND);
    await page.locator('a[rel="prev"]').click();
    expect(new URL(page.url()).pathname).toBe(FIRST);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a chapter complete, sees it after a reload and on the course page, and undoes it', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + FIRST);
    const button = page.getByRole('button', { name: 'Mark this chapter as complete' });
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Chapter complete.');
    await page.reload();
    await expect
      .poll(() => page.getByRole('button', { name: 'Mark as not complete' }).count())
      .toBe(1);
    expect(
      await page.locator(`.course-outline [data-chapter-url="${FIRST}"]`).getAttribute('class'),
    ).toContain('is-complete');

    await page.goto(site.base + COURSE);
    expect(await page.locator('.progress-text').textContent()).toBe('1 of 4 chapters complete');
    expect(await page.locator('.progress progress').getAttribute('value')).toBe('1');
    await page.goto(site.base + '/');
    expect(await page.locator(`[data-course-url="${COURSE}"] .progress-text`).textContent()).toBe(
      '1 of 4 chapters complete',
    );

    await page.goto(site.base + FIRST);
    await page.getByRole('button', { name: 'Mark as not complete' }).click();
    await page.goto(site.base + COURSE);
    expect(await page.locator('.progress-text').textContent()).toBe('0 of 4 chapters complete');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does the same path with the keyboard alone', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + '/');
    await tabTo(page, `a[href="${COURSE}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + COURSE);
    await tabTo(page, '.button-start');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + FIRST);
    await tabTo(page, 'button.button-complete');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Chapter complete.');
    await tabTo(page, 'a[rel="next"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + SECOND);
    await tabTo(page, 'a[rel="prev"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + FIRST);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts with the skip link, which moves focus to the content', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(site.base + FIRST);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('switches to the dark theme and remembers it', async () => {
    const { page, errors, context } = await openPage(site.browser, { colorScheme: 'light' });
    await page.goto(site.base + COURSE);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no console error and no CSP violation on any page', async () => {
    const { page, errors, context } = await openPage(site.browser);
    for (const url of site.pageUrls) await page.goto(site.base + url);
    expect(errors).toEqual([]);
    // The 404 page's own status is the one error Chromium reports there.
    await page.goto(site.base + '/no-such-page/');
    expect(errors).toEqual([
      'error: Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await context.close();
  });
});

describe('a learner without JavaScript', () => {
  it('reads and navigates every page, and sees no broken control', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    for (const url of site.pageUrls) {
      await page.goto(site.base + url);
      expect(await page.locator('h1').isVisible(), url).toBe(true);
      expect(
        await page
          .locator('[data-complete], [data-progress], [data-theme-toggle]')
          .evaluateAll(
            (els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length,
          ),
      ).toBe(0);
    }
    await page.goto(site.base + FIRST);
    await page.locator('a[rel="next"]').click();
    expect(new URL(page.url()).pathname).toBe(SECOND);
    await context.close();
  });

  it('still follows the system dark mode', async () => {
    const { page, context } = await openPage(site.browser, {
      javaScriptEnabled: false,
      colorScheme: 'dark',
    });
    await page.goto(site.base + COURSE);
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .match(/\d+/g)!
      .map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(150);
    await context.close();
  });
});

describe('screenshots', () => {
  it('saves the course page and a chapter at 375 and 1280 px', async () => {
    await mkdir('test-results/screenshots', { recursive: true });
    for (const width of [375, 1280]) {
      const { page, context } = await openPage(site.browser, { viewport: { width, height: 900 } });
      for (const [name, url] of [
        ['course', '/courses/our-principles/'],
        ['chapter', '/courses/our-principles/our-principles/'],
        ['parts-course', '/courses/learn-in-parts/'],
        ['parts-chapter', '/courses/learn-in-parts/second-steps/'],
      ] as const) {
        await page.goto(site.base + url);
        // Lazy images below the fold load when scrolled to; a full-page shot must show them all.
        await page.evaluate(() =>
          Promise.all(
            [...document.images].map((image) => {
              image.loading = 'eager';
              return image.decode().catch(() => undefined);
            }),
          ),
        );
        const path = `test-results/screenshots/${name}-${width}.png`;
        await page.screenshot({ path, fullPage: true });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${url} at ${width}px scrolls sideways`).toBe(0);
      }
      await context.close();
    }
  });
});
