import { describe, expect, it } from 'vitest';
import { ogLocale } from '../../src/pages/open-graph.js';

describe('ogLocale', () => {
  it.each([
    ['en', 'en_US'],
    ['fr', 'fr_FR'],
    ['fr-CA', 'fr_CA'],
    ['pt-BR', 'pt_BR'],
    ['de', 'de_DE'],
  ])('turns the language %s into the Open Graph locale %s', (language, locale) => {
    expect(ogLocale(language)).toBe(locale);
  });
});
