import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocales } from '../../src/i18n/read-locales.js';
import { formatProblem } from '../../src/content/content-problem.js';
import { checkLocales } from '../../src/i18n/check-locales.js';
import { parseLocale } from '../../src/i18n/parse-locale.js';

const ENGLISH = `name: English
course:
  start: Start the course
  chapters:
    one: "{count} chapter"
    other: "{count} chapters"
certificate:
  disclaimer: "It is not verified by {organization}."
`;

function problemsOf(french: string, english: string = ENGLISH): string[] {
  const locales = [
    parseLocale('views/locales/en.yaml', 'en', english),
    parseLocale('views/locales/fr.yaml', 'fr', french),
  ];
  const parsed = locales.flatMap((result) => (result.value ? [result.value] : []));
  return [
    ...locales.flatMap((result) => result.problems),
    ...checkLocales(parsed, 'views/locales'),
  ].map(formatProblem);
}

describe('the locales folder', () => {
  it('names a file that is not named by a language code', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lectern-locales-'));
    try {
      await mkdir(path.join(dir, 'locales'));
      await writeFile(path.join(dir, 'locales/en.yaml'), ENGLISH);
      await writeFile(path.join(dir, 'locales/french.yaml'), 'name: Français\n');
      const { value, problems } = await readLocales(dir, 'views/locales');
      expect(value.map((locale) => locale.code)).toEqual(['en']);
      expect(problems.map(formatProblem)).toEqual([
        'views/locales/french.yaml:1:1  file  Locale files are named by their language code, e.g. fr.yaml or fr-CA.yaml',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a locale file', () => {
  it('with every English key, and only those, has no problem', () => {
    const french = `name: Français
course:
  start: Commencer le cours
  chapters:
    one: "{count} chapitre"
    many: "{count} de chapitres"
    other: "{count} chapitres"
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toEqual([]);
  });

  it('names each key it lacks, with the English text to translate', () => {
    const french = `name: Français
course:
  start: Commencer le cours
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:1:1  course.chapters  Missing the text for "course.chapters" (in English: "{count} chapters")',
      'views/locales/fr.yaml:1:1  certificate.disclaimer  Missing the text for "certificate.disclaimer" (in English: "It is not verified by {organization}.")',
    ]);
  });

  it('names a key the English file has not, at its line, with the nearest one', () => {
    const french = `name: Français
course:
  strat: Commencer le cours
  start: Commencer le cours
  chapters:
    other: "{count} chapitres"
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:3:3  course.strat  Unknown key "course.strat": did you mean "course.start"?',
    ]);
  });

  it('names a placeholder the text cannot be given, with those it can', () => {
    const french = `name: Français
course:
  start: Commencer le cours
  chapters:
    other: "{count} chapitres"
certificate:
  disclaimer: "Il n’est pas vérifié par {organisation}."
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:7:15  certificate.disclaimer  Unknown placeholder {organisation}: this text can use {organization}',
    ]);
  });

  it('refuses plural forms without other, and forms that are not a plural category', () => {
    const french = `name: Français
course:
  start: Commencer le cours
  chapters:
    one: "{count} chapitre"
    plural: "{count} chapitres"
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toContain(
      'views/locales/fr.yaml:4:3  course.chapters  Expected one form per count, keyed by zero, one, two, few, many, other (always with other)',
    );
  });

  it('says when a translation drops a value the English text shows', () => {
    const french = `name: Français
course:
  start: Commencer le cours
  chapters:
    one: un chapitre
    other: des chapitres
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:5:5  course.chapters  Missing placeholder {count}: the English text shows it ("{count} chapters")',
    ]);
  });

  it('keeps the shape of the English text: plural forms, or one text', () => {
    const french = `name: Français
course:
  start:
    one: Commencer le cours
    other: Commencer les cours
  chapters: "{count} chapitres"
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:4:5  course.start  Expected one text, as the English one: it is not said of a count',
      'views/locales/fr.yaml:6:13  course.chapters  Expected one form per count (one, other...), as the English text has: it is said of a {count}',
    ]);
  });

  it('names a key with no English counterpart nearby, and a text that takes no value', () => {
    const french = `name: Français
course:
  start: "Commencer {maintenant}"
  chapters:
    other: "{count} chapitres"
  unheardOfGroup: Ailleurs
certificate:
  disclaimer: "Il n’est pas vérifié par {organization}."
`;
    expect(problemsOf(french)).toEqual([
      'views/locales/fr.yaml:3:10  course.start  Unknown placeholder {maintenant}: this text can use none',
      'views/locales/fr.yaml:6:3  course.unheardOfGroup  Unknown key "course.unheardOfGroup": the English file has no such text',
    ]);
  });

  it('is text or keys under a name, nothing else', () => {
    const french = ENGLISH.replace('name: English', 'name: Français').replace(
      '  start: Start the course',
      '  start: [Commencer, le cours]',
    );
    expect(problemsOf(french)).toContain(
      'views/locales/fr.yaml:3:10  course.start  Expected a text, or keys under it (a plural is a map of one, other...)',
    );
  });

  it('needs its own name, for the language switcher', () => {
    const french = ENGLISH.replace('name: English', 'name: ""');
    expect(problemsOf(french)[0]).toBe(
      "views/locales/fr.yaml:1:7  name  Expected the language's own name for itself, e.g. name: Français",
    );
  });

  it('is checked against English, which must be there', () => {
    const parsed = parseLocale('views/locales/fr.yaml', 'fr', 'name: Français\n').value!;
    expect(checkLocales([parsed], 'views/locales').map(formatProblem)).toEqual([
      'views/locales:1:1  locales  No en.yaml: the English interface text is the one every other language is checked against',
    ]);
  });
});
