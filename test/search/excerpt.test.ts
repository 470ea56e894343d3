import { describe, expect, it } from 'vitest';
import { bestSection, excerpt } from '../../src/search/excerpt.js';

const sections = [
  { id: undefined, heading: undefined, text: 'An introduction about caring.' },
  { id: 'we-dare', heading: 'We dare', text: 'Trying what does not exist yet.' },
  { id: 'lessons', heading: 'Lessons', text: 'We dare, we care, we dare again.' },
];

describe('the section a result links to', () => {
  it('is the one whose heading names a matched word', () => {
    expect(bestSection(sections, new Set(['dare']))?.id).toBe('we-dare');
  });

  it('is else the one whose text holds most matched words', () => {
    expect(bestSection(sections, new Set(['care', 'again']))?.id).toBe('lessons');
  });

  it('is none when no section holds a matched word', () => {
    expect(bestSection(sections, new Set(['title-only']))).toBeUndefined();
  });
});

describe('an excerpt', () => {
  it('marks the matched words, whatever their capitals and accents', () => {
    expect(excerpt('Un Élève studies; an eleve learns.', new Set(['eleve']))).toEqual([
      { text: 'Un ', mark: false },
      { text: 'Élève', mark: true },
      { text: ' studies; an ', mark: false },
      { text: 'eleve', mark: true },
      { text: ' learns.', mark: false },
    ]);
  });

  it('starts shortly before the first match and says what it left out', () => {
    const text = `${'word '.repeat(40)}target ${'tail '.repeat(60)}`;
    const segments = excerpt(text, new Set(['target']));
    expect(segments[0]?.text.startsWith('…word')).toBe(true);
    expect(segments[1]).toEqual({ text: 'target', mark: true });
    expect(segments.at(-1)?.text.endsWith(' …')).toBe(true);
    const length = segments.map((s) => s.text).join('').length;
    expect(length).toBeGreaterThan(200);
    expect(length).toBeLessThan(300);
  });

  it('is the start of the text when nothing in it matched', () => {
    expect(excerpt('Short text.', new Set(['other']))).toEqual([
      { text: 'Short text.', mark: false },
    ]);
  });
});
