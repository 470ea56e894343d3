import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/content/duration.js';

describe('parseDuration', () => {
  it.each([
    ['4 hours', 240],
    ['1 hour', 60],
    ['90 minutes', 90],
    ['45 min', 45],
    ['1h30', 90],
    ['1h 30min', 90],
    ['2 hours 15 minutes', 135],
    ['1.5 hours', 90],
    ['3H', 180],
  ])('reads "%s" as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', 'four hours', '4', '4 days', 'hours', '0 minutes', '1h90x', '4 hours and'])(
    'refuses "%s"',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
