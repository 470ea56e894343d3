import type { Difficulty } from '../content/schema.js';

/** 240 -> "PT4H", 90 -> "PT1H30M": the ISO 8601 form that structured data asks for. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

/** The locale key of each difficulty's word: what the facts and the share card say. */
export const DIFFICULTY_KEYS: Readonly<Record<Difficulty, string>> = {
  easy: 'facts.easy',
  medium: 'facts.medium',
  hard: 'facts.hard',
};
