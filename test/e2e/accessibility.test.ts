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
  it('finds no violation on any page, the 404 included', async () => {
    const { page, context } = await openPage(site.browser, {
      colorScheme,
      viewport: { width, height: 900 },
    });
    const found: string[] = [];
    for (const url of [...site.pageUrls, '/no-such-page/']) {
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
