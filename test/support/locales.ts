import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../src/i18n/messages.js';
import { parseLocale } from '../../src/i18n/parse-locale.js';
import { createTranslator } from '../../src/i18n/translator.js';

/** The project's own locale files: what every page speaks. */
export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../views/locales');

export function projectLocales(): Locale[] {
  return readdirSync(LOCALES_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      const source = readFileSync(path.join(LOCALES_DIR, name), 'utf8');
      const parsed = parseLocale(name, name.slice(0, -'.yaml'.length), source);
      if (!parsed.value) throw new Error(`${name} does not parse`);
      return parsed.value.locale;
    });
}

/** A language's translator, from the project's locale file. */
export function translatorIn(code: string) {
  const locale = projectLocales().find((l) => l.code === code);
  if (!locale) throw new Error(`No views/locales/${code}.yaml`);
  return createTranslator(locale);
}

/** The English `markdown.*` texts, as a render's env reads them. */
export const englishText = translatorIn('en').t;
