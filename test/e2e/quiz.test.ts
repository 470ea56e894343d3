/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const QUIZ = '/courses/our-principles/check-what-you-learned/';
const QUIZ_ID = 'quiz-check-what-you-learned';
const COURSE = '/courses/our-principles/';
const CODE = '/courses/write-a-course/course-and-chapters/';
// A copy of the editors' guide chapter on quizzes and code (test/fixtures/site/courses/teach-code/).
const GUIDE = '/courses/teach-code/quizzes-and-code/';
const anyString: unknown = expect.any(String);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

const questions = (page: Page) => page.locator('fieldset.quiz-question');
const score = (page: Page) => page.locator('[data-quiz-score]');

/** Clicks the labels of a question's right options, or of its first wrong one, as a learner would. */
async function answer(question: Locator, right: boolean): Promise<void> {
  const ids = await question
    .locator(right ? 'input[data-correct]' : 'input:not([data-correct])')
    .evaluateAll((inputs) => inputs.map((input) => input.id));
  for (const id of right ? ids : ids.slice(0, 1))
    await question.locator(`label[for="${id}"]`).click();
}

async function answerAll(page: Page, wrong: ReadonlySet<number> = new Set()): Promise<void> {
  const count = await questions(page).count();
  for (let i = 0; i < count; i++) await answer(questions(page).nth(i), !wrong.has(i));
}

function storedResults(page: Page) {
  return page.evaluate(
    () => JSON.parse(localStorage.getItem('lectern-quizzes') ?? 'null') as unknown,
  );
}

describe('a learner taking a quiz', () => {
  it('answers one question wrongly, reads why, tries again and passes', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + QUIZ);
    // Answers come after the attempt: the disclosures wait for the check.
    expect(await page.locator('details.quiz-answer:visible').count()).toBe(0);
    await answerAll(page, new Set([1]));
    await page.getByRole('button', { name: 'Check my answers' }).click();

    expect(await score(page).textContent()).toBe(
      'You got 7 of 8 right. Read the feedback, then try again.',
    );
    const second = questions(page).nth(1);
    expect(await second.locator('[data-verdict]').textContent()).toBe('✗ Not quite.');
    const chosen = second.locator('.quiz-feedback:visible');
    expect(await chosen.count()).toBe(1);
    expect(await chosen.textContent()).toContain('✗ Wrong choice.');
    expect(await chosen.textContent()).toContain('agreeing to avoid a conflict is not respect');
    const explanation = second.locator('details.quiz-answer');
    expect(await explanation.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await explanation.textContent()).toContain('Answer: Honesty');
    expect(await explanation.textContent()).toContain(
      'being upfront, even when it is uncomfortable',
    );
    expect(await questions(page).nth(0).locator('[data-verdict]').textContent()).toBe('✓ Right.');

    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.locator('form[data-quiz] input:checked').count()).toBe(0);
    expect(await page.locator('.quiz-feedback:visible, [data-verdict]:visible').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${QUIZ_ID}-1-1`);

    await answerAll(page);
    await page.getByRole('button', { name: 'Check my answers' }).click();
    expect(await score(page).textContent()).toBe('You got 8 of 8 right. Well done!');
    expect(await score(page).getAttribute('role')).toBe('status');
    // The shape the certificate reads: by course, then by quiz URL (chapter URL#quiz id).
    const stored = (await storedResults(page)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(stored)).toEqual([COURSE]);
    expect(stored[COURSE]).toEqual({
      [`${QUIZ}#${QUIZ_ID}`]: { score: 8, total: 8, best: 8, checkedAt: anyString },
    });

    await page.reload();
    expect(await page.locator('.quiz-last').textContent()).toBe('Your best so far: 8 of 8 right.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes the quiz with the keyboard alone, focus always visible', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + QUIZ);
    await page.locator(`#${QUIZ_ID}-title`).evaluate((title) => {
      // Start just before the quiz, as a learner who has read the introduction.
      title.setAttribute('tabindex', '-1');
      (title as HTMLElement).focus();
    });
    const count = await questions(page).count();
    for (let i = 0; i < count; i++) {
      const inputs = await questions(page)
        .nth(i)
        .locator('input')
        .evaluateAll((all) =>
          all.map((input) => ({
            type: (input as HTMLInputElement).type,
            right: input.hasAttribute('data-correct'),
          })),
        );
      if (inputs[0]?.type === 'checkbox') {
        for (const input of inputs) {
          await page.keyboard.press('Tab');
          if (input.right) await page.keyboard.press('Space');
        }
      } else {
        // A radio group is one Tab stop; the arrow keys move and choose within it.
        await page.keyboard.press('Tab');
        const right = inputs.findIndex((input) => input.right);
        if (right === 0) await page.keyboard.press('Space');
        for (let step = 0; step < right; step++) await page.keyboard.press('ArrowDown');
      }
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline, `question ${i + 1}`).toBe('solid 3px');
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check my answers');
    await page.keyboard.press('Enter');
    expect(await score(page).textContent()).toBe('You got 8 of 8 right. Well done!');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${QUIZ_ID}-1-1`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no axe-core violation once checked, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage(site.browser, { colorScheme });
      await page.goto(site.base + QUIZ);
      await answerAll(page, new Set([0, 3]));
      await page.getByRole('button', { name: 'Check my answers' }).click();
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const found = results.violations.map(
        (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      );
      expect(found, colorScheme).toEqual([]);
      await context.close();
    }
  });
});

describe('a quiz on a phone', () => {
  it('fits 375 px without scrolling sideways, before and after the check', async () => {
    const { page, context } = await openPage(site.browser, {
      viewport: { width: 375, height: 800 },
    });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    for (const url of [QUIZ, GUIDE]) {
      await page.goto(site.base + url);
      expect(await overflow(), url).toBe(0);
      await page.getByRole('button', { name: 'Check my answers' }).click();
      expect(await overflow(), `${url} once checked`).toBe(0);
    }
    await context.close();
  });
});

describe('a learner taking a quiz without JavaScript', () => {
  it('reads every question and each answer in its disclosure, and sees no dead button', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + QUIZ);
    expect(await questions(page).count()).toBe(8);
    expect(await page.locator('form[data-quiz] button:visible').count()).toBe(0);
    const second = questions(page).nth(1);
    const explanation = second.locator('.quiz-answer > p:last-child');
    expect(await explanation.isVisible()).toBe(false);
    await second.getByText('Show the answer').click();
    expect(await explanation.isVisible()).toBe(true);
    const key = await second.locator('details.quiz-answer').innerText();
    expect(key).toContain('Answer: Honesty');
    expect(key).toContain('Wrong: Agreeing with your colleagues');
    expect(key).toContain('agreeing to avoid a conflict is not respect');
    expect(key).toContain('being upfront, even when it is uncomfortable');
    // The options still answer to a click: the learner can try before opening the answer.
    await second.getByText('Honesty', { exact: true }).click();
    expect(await second.locator('input:checked').count()).toBe(1);
    await context.close();
  });
});

describe('a code block', () => {
  it('shows its language and copies its code with the Copy button', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    await page.goto(site.base + CODE);
    const block = page.locator('[data-code-block]', { hasText: 'npm run new -- course' });
    expect(await block.locator('.code-language').textContent()).toBe('Bash');
    const button = block.getByRole('button', { name: 'Copy the code' });
    await button.click();
    // The label changes once the clipboard's promise settles, a moment after the click.
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'npm run new -- course "Learn Git in a day"\n',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the file it shows, and the Copy button says which file it copies', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(site.base + GUIDE);
    const block = page.locator('[data-code-block]', { hasText: 'Hello, learners!' }).first();
    expect(await block.locator('.code-header').innerText()).toMatch(
      /^server\.js\s+JavaScript\s+Copy$/,
    );
    expect(await block.getByRole('button', { name: 'Copy server.js' }).count()).toBe(1);
    expect(await block.locator('pre .hljs-keyword').first().textContent()).toBe('import');
    await context.close();
  });

  it('has no Copy button without JavaScript', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + CODE);
    expect(await page.locator('[data-code-block]').count()).toBeGreaterThan(0);
    expect(await page.locator('.code-copy').count()).toBe(0);
    await context.close();
  });
});
