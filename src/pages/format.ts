import type { CalendarDate } from '../content/calendar-date.js';
import type { Difficulty } from '../content/schema.js';

/** 240 -> "PT4H", 90 -> "PT1H30M": the ISO 8601 form that structured data asks for. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
};

export function difficultyLabel(difficulty: Difficulty): string {
  return DIFFICULTY_LABELS[difficulty];
}

export type ShortDateFormat = (date: CalendarDate, language: string) => string;

/**
 * Short dates in a page's language: 2024-03-21 -> "3/21/24" in English. Making an
 * Intl.DateTimeFormat costs far more than using one: the formatter made for a language is kept
 * by the function this returns (one per page set, so nothing outlives its build).
 */
export function shortDateFormat(): ShortDateFormat {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  return (date, language) => {
    let formatter = formatters.get(language);
    if (!formatter) {
      const locale = language === 'en' ? 'en-US' : language;
      formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
      formatters.set(language, formatter);
    }
    return formatter.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
  };
}
