import { appendFile, readFile, writeFile } from 'node:fs/promises';
import type { Machine } from './machine.js';
import { machineLine } from './machine.js';
import type { ExportFigures } from './measure.js';
import type { SoakFigures } from './soak.js';
import type { LoadResult } from './wrk.js';

export interface SizeFigures {
  readonly chapters: number;
  readonly courses: number;
  readonly wordsPerChapter: number;
  readonly export: ExportFigures;
  readonly startupMs: number;
  readonly startRssKiB: number;
  /** The machine's CPU use (% of a core) in the second before the export and the start-up. */
  readonly busyBefore: readonly [number, number];
}

export interface LoadFigures {
  readonly chapters: number;
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  readonly lectern: LoadResult;
  readonly nginx: LoadResult | undefined;
  /** Content-Encoding and bytes each server sent for the page, to show the runs compare alike. */
  readonly lecternSends: string;
  readonly nginxSends: string;
}

export interface BenchResults {
  readonly date: Date;
  readonly machine: Machine;
  readonly command: string;
  readonly sizes: readonly SizeFigures[];
  readonly load: LoadFigures | undefined;
  readonly soak: SoakFigures | undefined;
}

export interface Goal {
  readonly name: string;
  readonly met: boolean;
  readonly measured: string;
}

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(2)} ms`);
const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const errorsOf = (load: LoadResult) =>
  load.non2xx +
  load.socketErrors.connect +
  load.socketErrors.read +
  load.socketErrors.write +
  load.socketErrors.timeout;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function sizeTable(sizes: readonly SizeFigures[]): string {
  return table(
    ['measure', ...sizes.map((s) => `${s.chapters.toLocaleString('en-US')} chapters`)],
    [
      [
        'courses (chapters ~ words each)',
        ...sizes.map((s) => `${s.courses} (~${s.wordsPerChapter} words)`),
      ],
      ['export wall time (`tsx src/export.ts`)', ...sizes.map((s) => ms(s.export.wallMs))],
      ['export peak RSS', ...sizes.map((s) => mib(s.export.peakKiB))],
      [
        'export says',
        ...sizes.map((s) => s.export.summary.replace(/ to \S+/, '').replace(/, for .*$/, '')),
      ],
      ['start-up to first answer (build/server.js)', ...sizes.map((s) => ms(s.startupMs))],
      ['RSS 1 s after the first answer', ...sizes.map((s) => mib(s.startRssKiB))],
      [
        'CPU busy on the machine before export / start-up',
        ...sizes.map((s) => s.busyBefore.map((b) => `${Math.round(b)} %`).join(' / ')),
      ],
    ],
  );
}

function loadRow(name: string, load: LoadResult, sends: string): string[] {
  return [
    name,
    rate(load.requestsPerSecond),
    ms(load.p50Ms),
    ms(load.p99Ms),
    String(load.requests),
    String(errorsOf(load)),
    sends,
    `${Math.round(load.busyBefore)} %`,
  ];
}

function loadTable(load: LoadFigures): string {
  const rows = [loadRow('Lectern (1 process)', load.lectern, load.lecternSends)];
  if (load.nginx) rows.push(loadRow('nginx (1 worker, export)', load.nginx, load.nginxSends));
  const ratio = load.nginx ? load.lectern.requestsPerSecond / load.nginx.requestsPerSecond : NaN;
  return [
    `One chapter page of the ${load.chapters.toLocaleString('en-US')}-chapter site (\`${load.path}\`), ${load.connections} connections, ${load.seconds} s, \`Accept-Encoding: gzip, br\`; server on core 1, wrk on core 0; Lectern logs every request (info, as \`npm start\`) to /dev/null. "CPU busy before": the whole machine's CPU use in the second before the run, while the server idled (other work on the machine; near 0 for clean figures).`,
    '',
    table(
      ['server', 'requests/s', 'p50', 'p99', 'requests', 'errors', 'sends', 'CPU busy before'],
      rows,
    ),
    '',
    load.nginx ? `Lectern / nginx: ${ratio.toFixed(2)}` : 'nginx: not measured (not installed).',
  ].join('\n');
}

/** The floor of the sawtooth (each rebuild holds two sites for a moment): a leak raises it. */
function lowestFirstAndLast(soak: SoakFigures): string {
  const rss = soak.rebuilds.flatMap((b) => (b.rssKiB === undefined ? [] : [b.rssKiB]));
  if (rss.length < 10) return 'n/a (fewer than 10 rebuilds)';
  return `${mib(Math.min(...rss.slice(0, 5)))} / ${mib(Math.min(...rss.slice(-5)))}`;
}

function soakTable(soak: SoakFigures): string {
  const growth =
    soak.warmRssKiB === undefined
      ? undefined
      : (soak.endRssKiB - soak.warmRssKiB) / soak.warmRssKiB;
  const socket = soak.load.socketErrors;
  return [
    `Development server (\`tsx src/cli/dev.ts\`) on a copy of the ${soak.chapters.toLocaleString('en-US')}-chapter corpus: ${soak.seconds} s at ${soak.connections} connections on one chapter page while ${soak.edits} edits land on chapter files.`,
    '',
    table(
      ['measure', 'value'],
      [
        ['requests (requests/s)', `${soak.load.requests} (${rate(soak.load.requestsPerSecond)})`],
        ['p50 / p99 latency', `${ms(soak.load.p50Ms)} / ${ms(soak.load.p99Ms)}`],
        [
          'CPU busy on the machine in the second before (% of a core)',
          `${Math.round(soak.load.busyBefore)} %`,
        ],
        ['non-2xx responses', String(soak.load.non2xx)],
        [
          'socket errors (connect/read/write/timeout > 5 s)',
          `${socket.connect}/${socket.read}/${socket.write}/${socket.timeout}`,
        ],
        [
          'rebuilds during the run: ms (RSS after, MiB)',
          `${soak.rebuilds.length}: ${soak.rebuilds.map((b) => `${b.ms} (${b.rssKiB === undefined ? '?' : Math.round(b.rssKiB / 1024)})`).join(', ')}`,
        ],
        [
          'RSS after warm-up (first rebuild)',
          soak.warmRssKiB === undefined ? 'n/a (no rebuild finished)' : mib(soak.warmRssKiB),
        ],
        ['RSS at the end (last edit served)', mib(soak.endRssKiB)],
        ['RSS growth', growth === undefined ? 'n/a' : `${(growth * 100).toFixed(1)} %`],
        ['RSS after rebuilds: lowest of the first 5 / of the last 5', lowestFirstAndLast(soak)],
        ['peak RSS', mib(soak.peakRssKiB)],
        ['last edit served after the run', soak.lastEditServed ? 'yes' : 'NO'],
      ],
    ),
  ].join('\n');
}

export function goals(results: BenchResults): Goal[] {
  const largest = results.sizes.at(-1);
  const list: Goal[] = [];
  const { load, soak } = results;
  if (load?.nginx) {
    const ratio = load.lectern.requestsPerSecond / load.nginx.requestsPerSecond;
    list.push({
      name: "chapter page >= half of nginx's requests/s, p99 < 5 ms (50 connections)",
      met: ratio >= 0.5 && load.lectern.p99Ms < 5,
      measured: `${(ratio * 100).toFixed(0)} % of nginx, p99 ${ms(load.lectern.p99Ms)}`,
    });
  }
  if (largest) {
    list.push({
      name: `export of ${largest.chapters} chapters < 3 s wall, < 300 MiB peak`,
      met: largest.export.wallMs < 3000 && largest.export.peakKiB < 300 * 1024,
      measured: `${ms(largest.export.wallMs)}, ${mib(largest.export.peakKiB)}`,
    });
    list.push({
      name: `start-up with ${largest.chapters} chapters < 1.5 s to first answer, RSS < 300 MiB`,
      met: largest.startupMs < 1500 && largest.startRssKiB < 300 * 1024,
      measured: `${ms(largest.startupMs)}, ${mib(largest.startRssKiB)}`,
    });
  }
  if (soak) {
    const growth =
      soak.warmRssKiB === undefined ? NaN : (soak.endRssKiB - soak.warmRssKiB) / soak.warmRssKiB;
    list.push({
      name: 'soak: no error, no non-2xx, RSS growth < 10 %, last edit served',
      met: errorsOf(soak.load) === 0 && growth < 0.1 && soak.lastEditServed,
      measured: `${errorsOf(soak.load)} errors, growth ${Number.isNaN(growth) ? 'n/a' : `${(growth * 100).toFixed(1)} %`}`,
    });
  }
  return list;
}

function goalTable(list: readonly Goal[]): string {
  return table(
    ['goal', 'measured', 'met'],
    list.map((goal) => [goal.name, goal.measured, goal.met ? 'met' : '**not met**']),
  );
}

/** The dated section that goes to BENCHMARKS.md (and to the terminal). */
export function formatResults(results: BenchResults): string {
  const parts = [
    `## ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineLine(results.machine)}.`,
    `Command: \`${results.command}\``,
    '',
    'Each measurement first waits (2 minutes at most) for 3 s with the machine under 20 % of a core busy; "CPU busy before" says how busy it still was (other work on a shared machine skews figures).',
  ];
  if (results.sizes.length > 0) {
    parts.push('', '### Export and start-up', '', sizeTable(results.sizes));
  }
  if (results.load) parts.push('', '### Chapter page under load', '', loadTable(results.load));
  if (results.soak) parts.push('', '### Soak (issue 7)', '', soakTable(results.soak));
  parts.push('', '### Goals', '', goalTable(goals(results)), '');
  return parts.join('\n');
}

const HEADER = `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts), which appends a dated section here. Each section
names its machine and command; compare figures only within one machine.
`;

export async function appendToBenchmarks(file: string, section: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing === undefined) await writeFile(file, `${HEADER}\n${section}`);
  else await appendFile(file, `\n${section}`);
}
