/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

describe.each([
  ['light', 375],
  ['light', 1280],
  ['dark', 375],
  ['dark', 1280],
] as const)('axe-core in %s mode at %i px', (colorScheme, width) => {
  it('finds no violation on any page, the 404 and search included', async () => {
    const { page, context } = await openPage(site.browser, {
      colorScheme,
      viewport: { width, height: 900 },
    });
    const found: string[] = [];
    const search = ['/search/', '/search/?q=princ', '/search/?q=xylophone'];
    // site.pageUrls holds the French course's pages and catalog, but neither 404 nor search.
    const french = [
      '/fr/no-such-page/',
      '/fr/search/',
      '/fr/search/?q=principes',
      '/fr/search/?q=xylophone',
    ];
    for (const url of [...site.pageUrls, '/no-such-page/', ...search, ...french]) {
      await page.goto(site.base + url);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const violation of results.violations) {
        const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 3);
        found.push(
          `${url}: ${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${targets.join(' | ')}`,
        );
      }
    }
    await context.close();
    expect(found).toEqual([]);
  });
});

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

// axe-core leaves the visible "#" out (it is aria-hidden, and transparent until focused), and
// pa11y's HTML_CodeSniffer flagged it: its contrast is measured here, once focus shows it.
describe('the heading anchor, shown on focus', () => {
  it.each(['light', 'dark'] as const)('has 4.5:1 contrast in %s mode', async (colorScheme) => {
    const { page, context } = await openPage(site.browser, { colorScheme });
    const chapter = site.pageUrls.find((url) => url.split('/').length > 4) ?? '/';
    await page.goto(site.base + chapter);
    const anchor = page.locator('.header-anchor').first();
    await anchor.focus();
    await expect.poll(() => anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    const [color, background] = await anchor.evaluate((el) => {
      const mark = el.querySelector('[aria-hidden]') ?? el;
      let holder: Element | null = el;
      while (holder && getComputedStyle(holder).backgroundColor === 'rgba(0, 0, 0, 0)')
        holder = holder.parentElement;
      return [
        getComputedStyle(mark).color,
        getComputedStyle(holder ?? document.body).backgroundColor,
      ];
    });
    await context.close();
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
  });
});
