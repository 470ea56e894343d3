import { describe, expect, it } from 'vitest';
import { latestDate, parseCalendarDate } from '../../src/content/calendar-date.js';

describe('parseCalendarDate', () => {
  it('reads an ISO day', () => {
    expect(parseCalendarDate('2024-03-21')).toEqual({
      iso: '2024-03-21',
      year: 2024,
      month: 3,
      day: 21,
    });
  });

  it.each(['2024-02-30', '2024-13-01', '21/03/2024', '2024-3-21', 'yesterday'])(
    'refuses "%s"',
    (text) => {
      expect(parseCalendarDate(text)).toBeUndefined();
    },
  );

  it('finds the latest of several days', () => {
    const dates = ['2024-03-21', '2025-01-02', '2023-12-31'].map((d) => parseCalendarDate(d)!);
    expect(latestDate(dates)?.iso).toBe('2025-01-02');
  });
});
