/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const COURSE = '/courses/learn-in-parts/';
const CERTIFICATE = `${COURSE}certificate/`;
const CHAPTERS = ['first-steps', 'second-steps', 'third-steps'].map((slug) => COURSE + slug + '/');

/** Pages in a PDF: each page object names its type once. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

describe('the certificate of achievement', () => {
  it('lists what is left, then, once every chapter is complete, shows the typed name', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + CERTIFICATE);
    expect(await page.locator('[data-certificate-left]').isVisible()).toBe(true);
    expect(await page.locator('[data-certificate-left-summary]').textContent()).toBe(
      '3 of 3 chapters still to complete:',
    );
    for (const url of CHAPTERS) {
      await page.goto(site.base + url);
      await page.getByRole('button', { name: 'Mark this chapter as complete' }).click();
    }
    await page.goto(site.base + COURSE);
    expect(await page.locator('[data-course-complete]').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Get your certificate of achievement' }).click();
    await page.waitForURL(site.base + CERTIFICATE);

    expect(await page.locator('[data-certificate-left]').isVisible()).toBe(false);
    await page.getByLabel('Your name, as it should appear').fill('Ada Lovelace');
    expect(await page.locator('.certificate-name').textContent()).toBe('Ada Lovelace');
    expect(await page.locator('.certificate-course').textContent()).toBe('Learn in parts');
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.locator('[data-certificate-date]').getAttribute('datetime')).toBe(today);

    await page.reload();
    expect(await page.locator('.certificate-name').textContent()).toBe('Ada Lovelace');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);

    for (const format of ['A4', 'Letter'] as const) {
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      expect(pageCount(pdf), format).toBe(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('waits, in a course with a quiz, for its best score to reach the passing score', async () => {
    const { page, errors, context } = await openPage(site.browser);
    const course = '/courses/our-principles/';
    for (const slug of ['our-principles', 'check-what-you-learned']) {
      await page.goto(`${site.base}${course}${slug}/`);
      await page.getByRole('button', { name: 'Mark this chapter as complete' }).click();
    }
    const quiz = await page.locator('form[id^="quiz-"], [id^="quiz-"]').first().getAttribute('id');
    const quizUrl = `${course}check-what-you-learned/#${quiz}`;
    // The shape public/js/quiz.js keeps (test/e2e/quiz.test.ts holds it to it).
    const keep = (best: number) =>
      page.evaluate(
        ([url, key, score]) =>
          localStorage.setItem(
            'lectern-quizzes',
            JSON.stringify({
              [key as string]: { [url]: { score, total: 8, best: score } },
            }),
          ),
        [quizUrl, course, best] as const,
      );
    await keep(5);
    await page.goto(`${site.base}${course}certificate/`);
    expect(await page.locator('[data-certificate-left-summary]').textContent()).toBe(
      '0 of 2 chapters still to complete, 1 of 1 quiz still to pass:',
    );
    expect(await page.locator(`[data-quiz-url="${quizUrl}"]`).isVisible()).toBe(true);
    await keep(6);
    await page.reload();
    expect(await page.locator('[data-certificate-ready]').isVisible()).toBe(true);
    await page.goto(site.base + course);
    expect(await page.locator('[data-course-complete]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says without JavaScript that progress is kept by the browser', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + CERTIFICATE);
    expect(await page.getByText('Your progress is kept by your browser').isVisible()).toBe(true);
    expect(await page.locator('[data-certificate-ready]').isVisible()).toBe(false);
    await context.close();
  });
});
