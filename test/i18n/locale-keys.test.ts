import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/content-problem.js';
import { readLocales } from '../../src/i18n/read-locales.js';
import { SCRIPT_TEXT } from '../../src/pages/site-pages.js';
import { LOCALES_DIR, projectLocales } from '../support/locales.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// `'course.md'` is a file the code names, not a key.
const FILE_NAME = /\.(?:md|yaml|ejs|js|ts|json|svg|png)$/;

async function filesUnder(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, folder), { recursive: true });
  return entries.filter((name) => name.endsWith(extension)).map((name) => path.join(folder, name));
}

/**
 * Every key the code can ask for: `t('…')` in the templates, and each quoted string of the code
 * that starts with one of the locale files' groups (`'course.start'`, `'js.quiz.right'`).
 */
async function usedKeys(groups: readonly string[]): Promise<Map<string, string>> {
  const used = new Map<string, string>();
  const keyLike = new RegExp(`['\`]((?:${groups.join('|')})\\.[\\w.]*\\w)['\`]`, 'g');
  const templates = await filesUnder('views', '.ejs');
  for (const file of templates) {
    const source = await readFile(path.join(ROOT, file), 'utf8');
    for (const match of source.matchAll(/\b(?:t|around)\('([^']+)'/g)) used.set(match[1]!, file);
    for (const match of source.matchAll(keyLike)) used.set(match[1]!, file);
  }
  const code = [...(await filesUnder('src', '.ts')), ...(await filesUnder('public/js', '.js'))];
  for (const file of code) {
    const source = await readFile(path.join(ROOT, file), 'utf8');
    for (const match of source.matchAll(keyLike))
      if (!FILE_NAME.test(match[1]!)) used.set(match[1]!, file);
  }
  return used;
}

const english = projectLocales().find((locale) => locale.code === 'en')!;
const groups = [...new Set(Object.keys(english.messages).map((key) => key.split('.')[0]!))];

describe('the locale files', () => {
  it('are complete: npm run check finds no missing, unknown or misused key in any', async () => {
    const { value, problems } = await readLocales(path.dirname(LOCALES_DIR), 'views/locales');
    expect(value.map((locale) => locale.code).sort()).toEqual(['en', 'fr']);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('hold every key a template or the code uses', async () => {
    const used = await usedKeys(groups);
    expect(used.size).toBeGreaterThan(100);
    for (const locale of projectLocales()) {
      const missing = [...used].filter(([key]) => locale.messages[key] === undefined);
      expect(
        missing.map(([key, file]) => `${file} uses ${key}`),
        locale.file,
      ).toEqual([]);
    }
  });

  it('give each browser script’s words to the pages that load it', async () => {
    const prefixes = Object.values(SCRIPT_TEXT).flat();
    const browserKeys = Object.keys(english.messages).filter((key) => key.startsWith('js.'));
    expect(browserKeys.length).toBeGreaterThan(20);
    expect(browserKeys.filter((key) => !prefixes.some((p) => key.startsWith(p)))).toEqual([]);
    const used = await usedKeys(groups);
    const script = (key: string) =>
      Object.entries(SCRIPT_TEXT).find(([, keys]) => keys.some((p) => key.startsWith(p)))?.[0];
    const scriptFile = (name: string) => `public/js/${name === 'site' ? 'site' : name}.js`;
    for (const key of browserKeys) expect(used.get(key), key).toBe(scriptFile(script(key)!));
  });

  it('hold no text that nothing shows', async () => {
    const used = await usedKeys(groups);
    expect(Object.keys(english.messages).filter((key) => !used.has(key))).toEqual([]);
  });
});
