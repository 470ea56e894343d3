import { median } from './stats.js';

/** How figures are written in BENCHMARKS.md, the same in every table. */
export const mib = (kib: number) =>
  Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : 'n/a';
export const ms = (value: number) =>
  !Number.isFinite(value)
    ? 'n/a'
    : value >= 100
      ? `${Math.round(value)} ms`
      : `${value.toFixed(2)} ms`;
export const rate = (value: number) => Math.round(value).toLocaleString('en-US');
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');
export const chaptersLabel = (chapters: number) => `${chapters.toLocaleString('en-US')} chapters`;

/** The median of runs, then each run in the order measured when there are several. */
export function runs(values: readonly number[], format: (value: number) => string = ms): string {
  if (values.length === 0) return 'n/a';
  const each =
    values.length > 1 ? ` (${values.map((v) => format(v).replace(/ \S+$/, '')).join(', ')})` : '';
  return `${format(median(values))}${each}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
