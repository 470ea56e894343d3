import { z } from 'zod';
import { parseCalendarDate } from './calendar-date.js';
import { parseDuration } from './duration.js';
import { suggest } from './suggest.js';

/** How a value an editor wrote reads back in a message. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'an unexpected value';
}

function missingOr(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `Missing: expected ${what}`
      : `Expected ${what}, got ${quote(issue.input)}`;
}

/** A strict group of fields: an unknown key is reported (usually it is a typo). */
export function fields<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, { error: missingOr('a group of `name: value` fields') });
}

export function text(what: string) {
  return z
    .string({ error: missingOr(`${what} as text`) })
    .trim()
    .min(1, { error: `Expected ${what}, got an empty value` });
}

export function flag(what: string) {
  return z.boolean({ error: missingOr(`true or false (${what})`) });
}

export function oneOf<const Value extends string>(values: readonly Value[], what: string) {
  const list = values.map((v) => quote(v)).join(', ');
  return z.string({ error: missingOr(`${what}: one of ${list}`) }).transform((input, ctx) => {
    const value = input.trim().toLowerCase();
    const match = values.find((candidate) => candidate === value);
    if (match) return match;
    const hint = suggest(value, values);
    ctx.addIssue({
      code: 'custom',
      message: `Expected one of ${list}, got ${quote(input)}${hint ? `; did you mean ${quote(hint)}?` : ''}`,
    });
    return z.NEVER;
  });
}

export function calendarDate(what: string) {
  const expected = `${what} as YYYY-MM-DD, e.g. 2024-03-21`;
  return z.string({ error: missingOr(expected) }).transform((input, ctx) => {
    const date = parseCalendarDate(input);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: `Expected ${expected}, got ${quote(input)}` });
    return z.NEVER;
  });
}

/** A course of more than a thousand hours is a typo, and would print as 1e+38 hours. */
export const MAX_DURATION_HOURS = 1000;

export function durationMinutes(what: string) {
  const expected = `${what} such as "4 hours", "90 minutes" or "1h30"`;
  return z
    .union([z.string(), z.number()], { error: missingOr(expected) })
    .transform((input, ctx) => {
      const minutes = parseDuration(String(input));
      if (minutes !== undefined && minutes > MAX_DURATION_HOURS * 60) {
        const message = `Expected ${what} of at most ${MAX_DURATION_HOURS} hours, got ${quote(input)}`;
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      if (minutes !== undefined) return minutes;
      ctx.addIssue({ code: 'custom', message: `Expected ${expected}, got ${quote(input)}` });
      return z.NEVER;
    });
}

export function slug(what: string) {
  return text(what).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: `Expected ${what} in lowercase letters, digits and hyphens, e.g. "diploma"`,
  });
}

// Whitespace, C0 and C1 controls and DEL: in a URL they would end a line of robots.txt or a header.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_URL = /[\s\u0000-\u001f\u007f-\u009f]/;

/** An absolute http(s) URL, parsed as one: what robots.txt, the sitemap and canonical links hold. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (UNSAFE_IN_URL.test(value) || !/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A base URL as every link is built on it: origin and path, no query, fragment or final slash. */
export function baseUrl(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** A path of this site: `/x`, never `//host` or `/\host` (which browsers read as another host). */
export function isSitePath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && !UNSAFE_IN_URL.test(value) && !value.includes('\\');
}

export function absoluteUrl(what: string) {
  return text(what).refine(isAbsoluteHttpUrl, {
    error: `Expected ${what} as an absolute http(s) URL without spaces or control characters, e.g. "https://example.com"`,
  });
}

export function linkTarget(what: string) {
  return text(what).refine((value) => isAbsoluteHttpUrl(value) || isSitePath(value), {
    error: `Expected ${what} as an absolute http(s) URL or a path of this site starting with / (not // or /\\)`,
  });
}

export function lineText(what: string, max: number) {
  return text(what).max(max, { error: `Expected ${what} of at most ${max} characters` });
}
