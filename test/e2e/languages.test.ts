/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isPlural, type Message, type Messages } from '../../src/i18n/messages.js';
import { translatorIn } from '../support/locales.js';
import { openPage, useBrowserAndServer } from './browser.js';

const site = useBrowserAndServer();

const EN_COURSE = '/courses/our-principles/';
const EN_CHAPTER = '/courses/our-principles/our-principles/';
const EN_QUIZ = '/courses/our-principles/check-what-you-learned/';
const FR_COURSE = '/fr/courses/nos-principes/';
const FR_CHAPTER = '/fr/courses/nos-principes/nos-principes/';
const FR_QUIZ = '/fr/courses/nos-principes/verifiez-vos-acquis/';
const FR_TITLE = 'Découvrez les principes d’OpenClassrooms';

const messagesOf = (code: string): Messages => translatorIn(code).locale.messages;

/** Spaces of every kind (French puts U+202F before : ; ! ?) as one, and case aside. */
const normalize = (text: string) =>
  text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();

const formsOf = (message: Message | undefined): string[] =>
  message === undefined ? [] : isPlural(message) ? Object.values(message) : [message];

/**
 * Every piece of English interface text that a French page must not show: each message's words
 * between its `{name}`s, in every plural form, longer than 6 characters (shorter ones, such as
 * "Quiz" or "Site", are the same words in both languages or too common to tell), and left out
 * when the French message says the same.
 */
function englishOnlyText(): { key: string; text: string }[] {
  const en = messagesOf('en');
  const fr = messagesOf('fr');
  const found = new Map<string, string>();
  for (const [key, message] of Object.entries(en)) {
    const french = formsOf(fr[key]).map(normalize).join('\n');
    for (const form of formsOf(message))
      for (const piece of form.split(/\{\w+\}/).map(normalize))
        if (piece.length > 6 && !french.includes(piece) && !found.has(piece)) found.set(piece, key);
  }
  return [...found].map(([text, key]) => ({ key, text }));
}

const ENGLISH = englishOnlyText();

/** What a learner reads on the page, and what a screen reader says of it: names, alts, title. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.body.querySelectorAll('*')].flatMap((element) =>
      ['aria-label', 'alt', 'title', 'placeholder']
        .map((name) => element.getAttribute(name))
        .filter((value): value is string => value !== null),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

/** The English interface text the page shows: [] on a page wholly in French. */
async function englishOn(page: Page): Promise<string[]> {
  const text = normalize(await shownText(page));
  return ENGLISH.filter((english) => text.includes(english.text)).map(
    (english) => `${english.key}: "${english.text}"`,
  );
}

/**
 * French text as fr.yaml writes it: a narrow no-break space (U+202F) before : ; ! ? and inside
 * « », so that an assertion also checks the typography.
 */
const fr = (text: string) => text.replace(/ ([:;!?»])/g, '\u202f$1').replace(/« /g, '«\u202f');

async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').textContent())?.trim() ?? '';
}

const pathOf = (page: Page) => new URL(page.url()).pathname;

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, selector: string, key = 'Tab', limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const switcher = (page: Page) => page.locator('nav.language-switcher');

/** The switcher's links and the head's alternates, as [hreflang, path] pairs. */
async function languagesOf(page: Page) {
  const pairs = (selector: string) =>
    page.locator(selector).evaluateAll((links) =>
      links.map((link) => {
        const a = link as HTMLAnchorElement | HTMLLinkElement;
        return [a.hreflang, new URL(a.href).pathname, a.getAttribute('aria-current') ?? ''];
      }),
    );
  return {
    links: await pairs('nav.language-switcher a'),
    alternates: await pairs('link[rel="alternate"][hreflang]:not([hreflang="x-default"])'),
  };
}

/** Checks the right options, or the first wrong one, by their labels, as a learner would. */
async function answer(question: Locator, right: boolean): Promise<void> {
  const ids = await question
    .locator(right ? 'input[data-correct]' : 'input:not([data-correct])')
    .evaluateAll((inputs) => inputs.map((input) => input.id));
  for (const id of right ? ids : ids.slice(0, 1))
    await question.locator(`label[for="${id}"]`).click();
}

/** Checks the French course page's interface words, all of them in French. */
async function expectFrenchCoursePage(page: Page): Promise<void> {
  expect(pathOf(page)).toBe(FR_COURSE);
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  expect(await heading(page)).toBe(FR_TITLE);
  const text = await page.locator('body').innerText();
  // Intl writes a no-break space between a number and its unit.
  expect(text).toContain('4\u00a0heures');
  expect(text).toContain('Moyenne');
  expect(text).toMatch(/Mis à jour le\s+21\/03\/2024/);
  expect(await page.locator('.fact-updated time').getAttribute('datetime')).toBe('2024-03-21');
  expect(text).toContain('Ce cours est visible gratuitement en ligne.');
  expect(text).toContain('Ce que vous allez apprendre');
  expect(text).toContain('Contenu du cours');
  expect(text).toContain('2 chapitres · 4\u00a0heures');
  expect(await page.locator('.button-start').innerText()).toBe('Commencer le cours');
  expect(await page.locator('.skip-link').textContent()).toBe('Aller au contenu');
  expect(await page.locator('.site-nav a').textContent()).toBe('Cours');
  expect(await switcher(page).getAttribute('aria-label')).toBe('Langue');
  for (const english of [
    'Start the course',
    'Course content',
    'Last updated on',
    'What you will learn',
    'Skip to content',
    'Courses',
    'hours',
    'Medium',
  ])
    expect(text, english).not.toContain(english);
  // The free note opened, its words and button too.
  await page.locator('.free-note summary').click();
  expect(await page.locator('.free-note-body').innerText()).toContain(
    'Chaque chapitre de ce cours se lit gratuitement en ligne',
  );
  expect(await page.locator('[data-free-note-dismiss]').innerText()).toBe(fr('J’ai compris !'));
  expect(await englishOn(page)).toEqual([]);
}

describe('the English interface text, as the French pages are checked against it', () => {
  it('holds the words of en.yaml that fr.yaml translates', () => {
    const texts = ENGLISH.map((english) => english.text);
    for (const expected of ['start the course', 'last updated on', 'check my answers'])
      expect(texts).toContain(expected);
    // Its own words in French are not counted as English.
    expect(texts).not.toContain('quiz');
    expect(ENGLISH.length).toBeGreaterThan(100);
  });

  it('finds them on the English course page, so that an empty list on a French one means something', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(site.base + EN_COURSE);
    const found = await englishOn(page);
    for (const expected of [
      'layout.skipLink: "skip to content"',
      'course.start: "start the course"',
      'course.contents: "course content"',
      'facts.updated: "last updated on"',
      'facts.free: "free online content available in this course."',
      'layout.darkTheme: "dark theme"',
    ])
      expect(found).toContain(expected);
    await context.close();
  });
});

describe('a learner switching languages', () => {
  it('clicks Français on the English course page and reads the French course, every interface word in French', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + EN_COURSE);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await switcher(page).getAttribute('aria-label')).toBe('Language');
    expect(await languagesOf(page)).toEqual({
      links: [
        ['en', EN_COURSE, 'true'],
        ['fr', FR_COURSE, ''],
      ],
      alternates: [
        ['en', EN_COURSE, ''],
        ['fr', FR_COURSE, ''],
      ],
    });
    const french = switcher(page).getByRole('link', { name: 'Français' });
    expect(await french.getAttribute('lang')).toBe('fr');
    await french.click();
    await page.waitForURL(site.base + FR_COURSE);
    await expectFrenchCoursePage(page);
    expect(await languagesOf(page)).toEqual({
      links: [
        ['en', EN_COURSE, ''],
        ['fr', FR_COURSE, 'true'],
      ],
      alternates: [
        ['en', EN_COURSE, ''],
        ['fr', FR_COURSE, ''],
      ],
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does the same with the keyboard alone: Tab to Français, then Enter', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + EN_COURSE);
    await tabTo(page, 'nav.language-switcher a[hreflang="fr"]');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + FR_COURSE);
    await expectFrenchCoursePage(page);
    // And back, from the free note the check opened: up to English in the header.
    await tabTo(page, 'nav.language-switcher a[hreflang="en"]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.base + EN_COURSE);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.button-start').innerText()).toBe('Start the course');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('goes from a French chapter to its English chapter and back', async () => {
    const { page, errors, context } = await openPage(site.browser);
    for (const [french, english] of [
      [FR_CHAPTER, EN_CHAPTER],
      [FR_QUIZ, EN_QUIZ],
    ] as const) {
      await page.goto(site.base + french);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await languagesOf(page)).toEqual({
        links: [
          ['en', english, ''],
          ['fr', french, 'true'],
        ],
        alternates: [
          ['en', english, ''],
          ['fr', french, ''],
        ],
      });
      await switcher(page).getByRole('link', { name: 'English' }).click();
      await page.waitForURL(site.base + english);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('.chapter-kicker').textContent()).toMatch(/^Chapter \d of 2$/);
      await switcher(page).getByRole('link', { name: 'Français' }).click();
      await page.waitForURL(site.base + french);
      expect(await page.locator('.chapter-kicker').textContent()).toMatch(/^Chapitre \d sur 2$/);
    }
    expect(await heading(page)).toBe('Vérifiez vos acquis');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads a French chapter with no English interface word', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + FR_CHAPTER);
    expect(await heading(page)).toBe('Nos principes');
    // The kicker is in capitals on the screen (innerText), in sentence case in the page.
    expect(await page.locator('.chapter-kicker').textContent()).toBe('Chapitre 1 sur 2');
    expect(await page.locator('.pager-next .pager-label').textContent()).toBe('Chapitre suivant');
    expect(await page.locator('button.button-complete').innerText()).toBe(
      'Marquer ce chapitre comme terminé',
    );
    expect(await englishOn(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes the French quiz, misses one, and reads its feedback and score in French', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + FR_QUIZ);
    const questions = page.locator('fieldset.quiz-question');
    const count = await questions.count();
    expect(count).toBe(8);
    expect(await questions.first().locator('.quiz-number').textContent()).toBe('Question 1 sur 8');
    for (let i = 0; i < count; i++) await answer(questions.nth(i), i !== 1);
    await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
    const score = page.locator('[data-quiz-score]');
    expect(await score.textContent()).toBe(
      'Vous avez obtenu 7 sur 8. Lisez les explications, puis réessayez.',
    );
    const second = questions.nth(1);
    expect(await second.locator('[data-verdict]').textContent()).toBe('✗ Pas tout à fait.');
    expect(await second.locator('.quiz-feedback:visible').innerText()).toContain(
      '✗ Mauvais choix.',
    );
    expect(await second.locator('details.quiz-answer').innerText()).toContain(fr('Réponse :'));
    expect(await questions.first().locator('[data-verdict]').textContent()).toBe('✓ Correct.');
    expect(await englishOn(page)).toEqual([]);

    await page.getByRole('button', { name: 'Recommencer' }).click();
    for (let i = 0; i < count; i++) await answer(questions.nth(i), true);
    await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
    expect(await score.textContent()).toBe(fr('Vous avez obtenu 8 sur 8. Bravo !'));
    expect(await englishOn(page)).toEqual([]);
    await page.reload();
    expect(await page.locator('.quiz-last').textContent()).toBe(
      fr('Votre meilleur score à ce jour : 8 sur 8.'),
    );
    expect(await englishOn(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches in French: the server’s results, then typing with JavaScript, say “résultats”', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + '/fr/search/?q=principes');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await heading(page)).toBe('Recherche');
    const summary = page.locator('[data-search-summary]');
    await expect
      .poll(() => summary.textContent())
      .toMatch(new RegExp(`^\\d+ ${fr('résultats pour « principes »')}$`));
    const links = page.locator('.search-result-link');
    expect(await links.count()).toBeGreaterThan(0);
    // The French pages come first.
    expect(new URL((await links.first().getAttribute('href'))!, site.base).pathname).toMatch(
      /^\/fr\//,
    );
    expect(await englishOn(page)).toEqual([]);

    const box = page.locator('#search-query');
    await box.fill('');
    await box.pressSequentially('acquis', { delay: 30 });
    await expect
      .poll(() => summary.textContent())
      .toMatch(new RegExp(`^\\d+ ${fr('résultats? pour « acquis »')}$`));
    expect(new URL(page.url()).search).toBe('?q=acquis');
    await expect
      .poll(async () => new URL((await links.first().getAttribute('href'))!, site.base).pathname)
      .toBe(FR_QUIZ);
    expect(await englishOn(page)).toEqual([]);

    await box.fill('');
    await box.pressSequentially('xylophone', { delay: 30 });
    await expect.poll(() => summary.textContent()).toBe(fr('Aucun résultat pour « xylophone ».'));
    expect(await page.locator('.search-answer').innerText()).toContain('parcourez tous les cours');
    expect(await englishOn(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the French catalog and the French 404 with no English interface word', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(site.base + '/fr/');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('link', { name: FR_TITLE }).count()).toBeGreaterThan(0);
    expect(await englishOn(page)).toEqual([]);
    const response = await page.goto(site.base + '/fr/no-such-page/');
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('Page introuvable');
    expect(await englishOn(page)).toEqual([]);
    await context.close();
  });
});

describe('a learner making progress in French', () => {
  it('marks a French chapter complete and reads the progress in French on the course page and the catalog', async () => {
    const { page, errors, context } = await openPage(site.browser);
    await page.goto(site.base + FR_CHAPTER);
    await page.getByRole('button', { name: 'Marquer ce chapitre comme terminé' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Chapitre terminé.');
    expect(await page.locator('button.button-complete').innerText()).toBe(
      'Marquer comme non terminé',
    );
    expect(await englishOn(page)).toEqual([]);

    await page.goto(site.base + FR_COURSE);
    const progress = page.locator('.progress-text');
    await expect.poll(() => progress.textContent()).toBe('1 sur 2 chapitres terminés');
    expect(await page.locator('.progress progress').getAttribute('value')).toBe('1');
    expect(await page.locator('.progress progress').getAttribute('aria-label')).toBe(
      'Votre progression dans ce cours',
    );
    expect(await page.locator('.button-start').innerText()).toBe('Continuer');
    expect(
      await page
        .locator(`.chapter-item[data-chapter-url="${FR_CHAPTER}"] .chapter-status`)
        .textContent(),
    ).toBe(' (terminé)');
    expect(await englishOn(page)).toEqual([]);

    await page.goto(site.base + '/fr/');
    expect(
      await page.locator(`[data-course-url="${FR_COURSE}"] .progress-text`).textContent(),
    ).toBe('1 sur 2 chapitres terminés');
    expect(await englishOn(page)).toEqual([]);

    // The certificate says in French what is left.
    await page.goto(site.base + FR_COURSE + 'certificate/');
    expect(await heading(page)).toBe('Certificat de réussite');
    await expect
      .poll(() => page.locator('[data-certificate-left-summary]').textContent())
      .toBe(fr('1 sur 2 chapitres encore à terminer, 1 sur 1 quiz encore à réussir :'));
    expect(await englishOn(page)).toEqual([]);

    // The English course is another course: its progress is its own.
    await page.goto(site.base + EN_COURSE);
    await expect
      .poll(() => page.locator('.progress-text').textContent())
      .toBe('0 of 2 chapters complete');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a learner switching languages without JavaScript', () => {
  it('follows the switcher, plain links, both ways', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + EN_COURSE);
    await switcher(page).getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(site.base + FR_COURSE);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await heading(page)).toBe(FR_TITLE);
    expect(await page.locator('.button-start').innerText()).toBe('Commencer le cours');
    expect(await englishOn(page)).toEqual([]);
    await page.goto(site.base + FR_CHAPTER);
    await switcher(page).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(site.base + EN_CHAPTER);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });

  it('reads the French quiz with its answers behind “Voir la réponse”', async () => {
    const { page, context } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.base + FR_QUIZ);
    expect(await page.locator('form[data-quiz] button:visible').count()).toBe(0);
    const second = page.locator('fieldset.quiz-question').nth(1);
    const explanation = second.locator('.quiz-answer > p:last-child');
    expect(await explanation.isVisible()).toBe(false);
    await second.getByText('Voir la réponse').click();
    expect(await explanation.isVisible()).toBe(true);
    const key = await second.locator('details.quiz-answer').innerText();
    expect(key).toContain(fr('Réponse : L’honnêteté'));
    expect(key).toContain(fr('Mauvaise réponse : Être d’accord avec ses collègues'));
    expect(await englishOn(page)).toEqual([]);
    await context.close();
  });
});
