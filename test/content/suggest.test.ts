import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/content/suggest.js';

describe('suggest', () => {
  it('finds the intended word behind a typo', () => {
    expect(suggest('meduim', ['easy', 'medium', 'hard'])).toBe('medium');
    expect(suggest('tittle', ['title', 'description'])).toBe('title');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(suggest('colour', ['title', 'description'])).toBeUndefined();
  });
});
