import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorAt, type ContentProblem, type Staged } from '../content/content-problem.js';
import { checkLocales } from './check-locales.js';
import type { Locale } from './messages.js';
import { parseLocale, type ParsedLocale } from './parse-locale.js';

/** Where the interface text lives, beside the templates that show it. */
export const LOCALES_FOLDER = 'locales';

const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Z]{2})?)\.yaml$/;

/**
 * The locales stage: views/locales/*.yaml -> one Locale per file, and every problem of their
 * shape and keys. `shown` is the folder as the editor reads it (`views/locales`), for problems.
 */
export async function readLocales(viewsDir: string, shown: string): Promise<Staged<Locale[]>> {
  const folder = path.join(viewsDir, LOCALES_FOLDER);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.yaml'),
  );
  const parsed: ParsedLocale[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names.sort()) {
    const file = `${shown}/${name}`;
    const code = LOCALE_FILE.exec(name)?.[1];
    if (!code) {
      const message = 'Locale files are named by their language code, e.g. fr.yaml or fr-CA.yaml';
      problems.push(errorAt(file, 'file', message));
      continue;
    }
    const result = parseLocale(file, code, await readFile(path.join(folder, name), 'utf8'));
    problems.push(...result.problems);
    if (result.value) parsed.push(result.value);
  }
  problems.push(...checkLocales(parsed, shown));
  return { value: parsed.map(({ locale }) => locale), problems };
}

/** The locale a page in `language` speaks: its own file, else its language's (fr-CA -> fr). */
export function localeFor(locales: readonly Locale[], language: string): Locale | undefined {
  return (
    locales.find((locale) => locale.code === language) ??
    locales.find((locale) => locale.code === language.split('-')[0])
  );
}
