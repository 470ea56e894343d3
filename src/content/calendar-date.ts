/** A day in the calendar, without a time or time zone: what an editor means by `updated`. */
export interface CalendarDate {
  /** ISO form, YYYY-MM-DD. */
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { iso: match[0], year, month, day };
}

export function latestDate(dates: readonly CalendarDate[]): CalendarDate | undefined {
  return [...dates].sort((a, b) => b.iso.localeCompare(a.iso))[0];
}
