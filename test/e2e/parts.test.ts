/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const COURSE = '/courses/learn-in-parts/';
const FIRST = `${COURSE}first-steps/`;
const SECOND = `${COURSE}second-steps/`;

describe('a learner on a course in parts', () => {
  it('starts the course, completes a chapter, then continues where they left off', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + COURSE);
    const start = page.locator('.button-start');
    expect(await start.textContent()).toBe('Start the course');
    expect(await start.getAttribute('href')).toBe(FIRST);

    await start.click();
    await page.waitForURL(site.base + FIRST);
    await page.getByRole('button', { name: 'Mark this chapter as complete' }).click();
    await page.goto(site.base + COURSE);

    await expect.poll(() => start.textContent()).toBe('Continue');
    expect(await start.getAttribute('href')).toBe(SECOND);
    const first = page.locator(`#part-1 [data-chapter-url="${FIRST}"]`);
    expect(await first.getAttribute('class')).toContain('is-complete');
    expect(await first.locator('.chapter-status').textContent()).toBe(' (completed)');
    expect(await page.locator('#part-1 .progress-text').textContent()).toBe(
      '1 of 2 chapters complete',
    );
    expect(await page.locator('#part-2 .progress-text').textContent()).toBe(
      '0 of 1 chapter complete',
    );

    await start.click();
    await page.waitForURL(site.base + SECOND);
    expect(await page.locator('.chapter-kicker').textContent()).toBe('Part 1 · Chapter 2');
    expect(await page.locator('a[rel="next"] .pager-label').textContent()).toBe(
      'Next: Part 2 · Going further',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens and closes the parts of the side outline with the keyboard', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(site.base + SECOND);
    const closed = page.locator('.outline-part:not([open]) > summary').first();
    expect(await closed.textContent()).toBe('Part 2 · Going further');
    await closed.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.outline-part[open]').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Third steps' }).first().isVisible()).toBe(true);
    await context.close();
  });
});

describe('the free badge', () => {
  it('opens its note, which "Got it!" and Escape close, giving focus back to the badge', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + COURSE);
    const badge = page.locator('.free-note > summary');
    const note = page.locator('.free-note-body');
    expect(await note.isVisible()).toBe(false);
    await badge.click();
    expect(await note.isVisible()).toBe(true);
    const results = await new AxeBuilder({ page }).include('.course-header').analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.getByRole('button', { name: 'Got it!' }).click();
    expect(await note.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');

    await page.keyboard.press('Enter');
    expect(await note.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await note.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('still opens and closes without JavaScript, with no button that does nothing', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + COURSE);
    const badge = page.locator('.free-note > summary');
    await badge.click();
    expect(await page.locator('.free-note-body p').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Got it!' }).count()).toBe(0);
    await badge.click();
    expect(await page.locator('.free-note-body p').isVisible()).toBe(false);
    await context.close();
  });
});
