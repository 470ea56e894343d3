const UNIT_MINUTES: Record<string, number> = {
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
};

/**
 * Parses a duration as an editor writes it ("4 hours", "90 minutes", "1h30", "1 hour 30 min")
 * into whole minutes, or undefined when it is not one.
 */
export function parseDuration(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  // "1h30" is the one form whose minutes carry no unit.
  const compact = /^(\d+)\s*h\s*(\d{1,2})$/.exec(input);
  if (compact) return Number(compact[1]) * 60 + Number(compact[2]);
  const parts = [...input.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== input.replace(/^\s+/, '')) {
    return undefined;
  }
  let minutes = 0;
  for (const [, amount, unit] of parts) {
    const perUnit = UNIT_MINUTES[unit ?? ''];
    if (perUnit === undefined) return undefined;
    minutes += Number(amount) * perUnit;
  }
  return Number.isInteger(minutes) && minutes > 0 ? minutes : undefined;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** 240 -> "4 hours", 90 -> "1 hour 30 minutes", 45 -> "45 minutes". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
