import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { translators } from '../../src/i18n/translator.js';
import { buildFixtureSite, ROOT } from '../support/fixture-site.js';
import { projectLocales } from '../support/locales.js';

type Text = (key: string, params?: Record<string, string | number>) => string;

/**
 * site.js's window.lecternText, run on a page's own JSON block as a browser runs it. Only the
 * function that defines it is run: the rest of site.js works on a page's elements.
 */
async function browserTextOf(json: string): Promise<{ text: Text; lang: () => string }> {
  const source = await readFile(path.join(ROOT, 'public/js/site.js'), 'utf8');
  const start = source.indexOf('(() => {');
  const end = source.indexOf('\n})();\n', start) + '\n})();\n'.length;
  const window: { lecternText?: Text; lecternLang?: () => string } = {};
  const document = {
    getElementById: (id: string) => (id === 'lectern-text' ? { textContent: json } : null),
    documentElement: { lang: 'en' },
  };
  vm.runInNewContext(source.slice(start, end), { window, document, Intl });
  return { text: window.lecternText!, lang: window.lecternLang! };
}

let pages: Map<string, string>;
beforeAll(async () => {
  const built = await buildFixtureSite();
  pages = new Map(
    [...built.rendered.responses].map(([url, r]) => [url, r.identity.body.toString('utf8')]),
  );
});

const jsonOf = (url: string) =>
  /<script type="application\/json" id="lectern-text">(.*?)<\/script>/.exec(pages.get(url)!)![1]!;

describe('the browser’s text (site.js)', () => {
  it.each([
    ['fr', '/fr/courses/nos-principes/verifiez-vos-acquis/'],
    ['en', '/courses/our-principles/check-what-you-learned/'],
  ])('says in %s what the server says, plurals and numbers included', async (lang, url) => {
    const browser = await browserTextOf(jsonOf(url));
    const server = translators(projectLocales())(lang);
    expect(browser.lang()).toBe(lang);
    const keys = Object.keys((JSON.parse(jsonOf(url)) as { messages: object }).messages);
    expect(keys).toContain('js.quiz.scoreRetry');
    for (const key of keys)
      for (const count of [0, 1, 2, 1234]) {
        const params = {
          count,
          done: 1,
          left: 1,
          score: count,
          best: 7,
          chapters: 'x',
          name: 'app.js',
        };
        expect(browser.text(key, params), `${key} ${count}`).toBe(server.t(key, params));
      }
  });

  it('shows a missing text as its key, and a placeholder without a value as written', async () => {
    const browser = await browserTextOf(jsonOf('/fr/courses/nos-principes/'));
    expect(browser.text('js.no.such.text')).toBe('js.no.such.text');
    expect(browser.text('js.progress.chapters', { count: 2 })).toBe(
      '{done} sur 2 chapitres terminés',
    );
  });

  it('falls back to English numbers for a language Intl does not know, never failing', async () => {
    const browser = await browserTextOf('{"lang":"not a tag","messages":{"a":"{count} x"}}');
    expect(browser.lang()).toBe('en');
    expect(browser.text('a', { count: 1234 })).toBe('1,234 x');
  });
});
