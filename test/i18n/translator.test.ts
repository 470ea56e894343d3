import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { translatorIn } from '../support/locales.js';

const date = { iso: '2024-03-21', year: 2024, month: 3, day: 21 };

describe('a translator', () => {
  it('writes dates, durations, numbers and percentages as English does', () => {
    const en = translatorIn('en');
    expect([en.date(date), en.duration(240), en.duration(110), en.duration(45)]).toEqual([
      '3/21/24',
      '4 hours',
      '1 hour 50 minutes',
      '45 minutes',
    ]);
    expect([en.number(12345), en.percent(70)]).toEqual(['12,345', '70%']);
  });

  it('writes them as French does, with its no-break spaces', () => {
    const fr = translatorIn('fr');
    expect([fr.date(date), fr.duration(240), fr.duration(60)]).toEqual([
      '21/03/2024',
      '4\u00a0heures',
      '1\u00a0heure',
    ]);
    expect([fr.number(12345), fr.percent(70)]).toEqual(['12\u202f345', '70\u00a0%']);
  });

  it('chooses the plural form of the count, in the language’s own rules', () => {
    const en = translatorIn('en');
    const fr = translatorIn('fr');
    expect([0, 1, 2].map((count) => en.t('course.chapters', { count }))).toEqual([
      '0 chapters',
      '1 chapter',
      '2 chapters',
    ]);
    // French counts zero as one: "0 chapitre".
    expect([0, 1, 2].map((count) => fr.t('course.chapters', { count }))).toEqual([
      '0 chapitre',
      '1 chapitre',
      '2 chapitres',
    ]);
  });

  it('fills placeholders, leaves unknown ones as written and shows a missing key as itself', () => {
    const t = createTranslator({
      code: 'en',
      file: 'en.yaml',
      name: 'English',
      messages: { hello: 'Hello {name}, {unknown}' },
    }).t;
    expect(t('hello', { name: 'Ada' })).toBe('Hello Ada, {unknown}');
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('speaks a regional language with its base language’s text', () => {
    const canadian = createTranslator(translatorIn('fr').locale, 'fr-CA');
    expect(canadian.lang).toBe('fr-CA');
    expect(canadian.t('course.start')).toBe('Commencer le cours');
    expect(canadian.date(date)).toBe('2024-03-21');
  });
});
