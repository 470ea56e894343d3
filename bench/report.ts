import { appendFile, readFile, writeFile } from 'node:fs/promises';
import type { EditLatency, EditSeries } from './edit-latency.js';
import { chaptersLabel, mib, ms, rate, runs, table } from './format.js';
import { errorsOf, goals, type Goal, type LoadFigures } from './goals.js';
import type { Machine } from './machine.js';
import { QUIET_BUSY } from './process-stats.js';
import { machineLine } from './machine.js';
import { searchGoals, searchTable, type SearchFigures } from './search.js';
import type { SideBySide } from './side-by-side.js';
import type { SoakFigures } from './soak.js';
import { median, percentile } from './stats.js';
import type { LoadResult } from './wrk.js';

export interface BenchResults {
  readonly date: Date;
  readonly machine: Machine;
  readonly command: string;
  readonly sizes: readonly SideBySide[];
  /** Why Hugo was not measured, when it was not. */
  readonly hugoMissing: string | undefined;
  readonly edits: readonly EditLatency[];
  /** Search at each size (issue 14). */
  readonly search?: readonly SearchFigures[];
  readonly load: LoadFigures | undefined;
  readonly soak: SoakFigures | undefined;
  /** How long each measurement waited at most for the machine to be quiet. */
  readonly quietSeconds: number;
}

const wallMs = (list: readonly { wallMs: number }[]) => list.map((run) => run.wallMs);
const peakKiB = (list: readonly { peakKiB: number }[]) => list.map((run) => run.peakKiB);

/** Each process's resident memory (primary first), the highest of the runs for each. */
function processRss(list: readonly { rssKiB: readonly number[] }[]): string {
  const count = Math.max(0, ...list.map((run) => run.rssKiB.length));
  const highest = Array.from({ length: count }, (_, i) =>
    Math.max(...list.map((run) => run.rssKiB[i] ?? 0)),
  );
  return highest.length === 0
    ? 'n/a'
    : `${highest.map((kib) => Math.round(kib / 1024)).join(' / ')} MiB`;
}

function hugoRows(sizes: readonly SideBySide[]): string[][] {
  const each = (cell: (size: SideBySide) => string) =>
    sizes.map((size) => (size.hugo ? cell(size) : 'not measured'));
  return [
    [
      'Hugo build, cold (no output, resources/ or cache)',
      ...each((s) => runs(wallMs(s.hugo?.cold ?? []))),
    ],
    ['Hugo build again (nothing changed)', ...each((s) => runs(wallMs(s.hugo?.warm ?? [])))],
    ['Hugo peak RSS, cold', ...each((s) => runs(peakKiB(s.hugo?.cold ?? []), mib))],
  ];
}

function lecternRows(sizes: readonly SideBySide[]): string[][] {
  const each = (cell: (size: SideBySide) => string) => sizes.map(cell);
  const listening = (list: readonly { allListeningMs: number | undefined }[]) =>
    runs(list.flatMap((run) => (run.allListeningMs === undefined ? [] : [run.allListeningMs])));
  return [
    [
      'export, cold (`node build/export.js`, empty CACHE_DIR)',
      ...each((s) => runs(wallMs(s.export.cold))),
    ],
    ['export, warm (same CACHE_DIR, nothing changed)', ...each((s) => runs(wallMs(s.export.warm)))],
    ['export peak RSS, cold', ...each((s) => runs(peakKiB(s.export.cold), mib))],
    ['export peak RSS, warm', ...each((s) => runs(peakKiB(s.export.warm), mib))],
    [
      'export says (cold, first run)',
      ...each((s) =>
        (s.export.cold[0]?.summary ?? '').replace(/ to \S+/, '').replace(/, for .*$/, ''),
      ),
    ],
    [
      '`node build/start.js` (WEB_CONCURRENCY=2) to first answer, cold (empty CACHE_DIR)',
      ...each((s) => runs(s.start.cold.map((run) => run.startupMs))),
    ],
    [
      'the same, warm (same CACHE_DIR)',
      ...each((s) => runs(s.start.warm.map((run) => run.startupMs))),
    ],
    [
      'every process listening, cold / warm',
      ...each((s) => `${listening(s.start.cold)} / ${listening(s.start.warm)}`),
    ],
    [
      'RSS 1 s after the first answer, cold: primary / workers',
      ...each((s) => processRss(s.start.cold)),
    ],
    ['the same, warm', ...each((s) => processRss(s.start.warm))],
  ];
}

function busiest(size: SideBySide): string {
  const all = [
    size.hugo?.cold,
    size.hugo?.warm,
    size.export.cold,
    size.export.warm,
    size.start.cold,
    size.start.warm,
  ];
  return `${Math.round(Math.max(...all.flatMap((list) => (list ?? []).map((run) => run.busyBefore))))} %`;
}

function sizeTable(sizes: readonly SideBySide[]): string {
  return table(
    ['measure', ...sizes.map((s) => chaptersLabel(s.chapters))],
    [
      [
        'courses (chapters ~ words each)',
        ...sizes.map((s) => `${s.courses} (~${s.wordsPerChapter} words)`),
      ],
      ...hugoRows(sizes),
      ...lecternRows(sizes),
      ['CPU busy on the machine before a run (highest)', ...sizes.map(busiest)],
    ],
  );
}

/** The median of each stage over the cold runs, in the order the export printed them. */
function stageTable(sizes: readonly SideBySide[]): string | undefined {
  const names = [
    ...new Set(
      sizes.flatMap((s) => s.export.cold.flatMap((run) => run.stages.map((stage) => stage.name))),
    ),
  ];
  if (names.length === 0) return undefined;
  const cell = (size: SideBySide, name: string) => {
    const values = size.export.cold.flatMap((run) =>
      run.stages.filter((stage) => stage.name === name).map((stage) => stage.ms),
    );
    // The export prints whole milliseconds.
    const value = median(values);
    return values.length === 0 ? '' : Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a';
  };
  return table(
    ['stage', ...sizes.map((s) => chaptersLabel(s.chapters))],
    names.map((name) => [name, ...sizes.map((size) => cell(size, name))]),
  );
}

function seriesCell(series: EditSeries): string {
  const late = series.timedOut > 0 ? `, ${series.timedOut} not served in 30 s` : '';
  return `${ms(median(series.ms))} / ${ms(percentile(series.ms, 0.9))} / ${ms(Math.max(...series.ms))} (${series.ms.length} edits${late})`;
}

function editTable(edits: readonly EditLatency[]): string {
  const stopped = edits.flatMap((e) =>
    e.stopped
      ? [
          `The development server stopped during the ${chaptersLabel(e.chapters)} edits (${e.stopped}).`,
        ]
      : [],
  );
  return [
    "Each save is timed from the write to the first answer of that chapter's page (polled every 5 ms) that holds the new text; each edit is on another chapter, 0.5 s apart; the server is not pinned, as an editor runs it.",
    '',
    table(
      ['measure', ...edits.map((e) => chaptersLabel(e.chapters))],
      [
        [
          '`npm run dev` (`tsx src/cli/dev.ts`) to first answer',
          ...edits.map((e) => ms(e.devStartupMs)),
        ],
        [
          'body edit (a sentence added): median / p90 / max',
          ...edits.map((e) => seriesCell(e.body)),
        ],
        [
          'title edit (`title:` changed): median / p90 / max',
          ...edits.map((e) => seriesCell(e.title)),
        ],
      ],
    ),
    ...stopped.flatMap((line) => ['', line]),
  ].join('\n');
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
  return [
    `One chapter page of the ${load.chapters.toLocaleString('en-US')}-chapter site (\`${load.path}\`), ${load.connections} connections, ${load.seconds} s, \`Accept-Encoding: gzip, br\`; server on core 1, wrk on core 0; Lectern logs every request (LOG_LEVEL unset: info, as \`npm start\`) to /dev/null. "CPU busy before": the whole machine's CPU use in the second before the run, while the server idled (other work on the machine; near 0 for clean figures).`,
    '',
    table(
      ['server', 'requests/s', 'p50', 'p99', 'requests', 'errors', 'sends', 'CPU busy before'],
      rows,
    ),
    '',
    load.nginx
      ? `Lectern / nginx: ${(load.lectern.requestsPerSecond / load.nginx.requestsPerSecond).toFixed(2)} of the requests/s, ${(load.lectern.p99Ms / load.nginx.p99Ms).toFixed(2)}x the p99.`
      : 'nginx: not measured (not installed).',
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

/** A verdict from a run that began on a busy machine says so: other work skewed it. */
const busyNote = (goal: Goal) =>
  (goal.busyBefore ?? 0) > QUIET_BUSY
    ? ` (the machine was ${Math.round(goal.busyBefore ?? 0)} % busy before a run)`
    : '';
const metCell = (goal: Goal) =>
  (goal.met === undefined ? 'not measured' : goal.met ? 'met' : '**not met**') + busyNote(goal);

function goalTable(list: readonly Goal[]): string {
  return table(
    ['measure', 'Lectern', 'Hugo/nginx', 'ratio', 'goal', 'met'],
    list.map((goal) => [
      goal.measure,
      goal.lectern,
      goal.reference,
      goal.ratio,
      goal.goal,
      metCell(goal),
    ]),
  );
}

/** For the terminal: one line per goal. */
export function goalLines(results: BenchResults): string[] {
  return goals(results).map((goal) => {
    const mark = goal.met === undefined ? 'n/a    ' : goal.met ? 'met    ' : 'NOT MET';
    const against = goal.reference
      ? ` vs ${goal.reference}${goal.ratio ? ` = ${goal.ratio}` : ''}`
      : '';
    return `${mark}  ${goal.measure}: ${goal.lectern}${against} (goal: ${goal.goal})${busyNote(goal)}`;
  });
}

function hugoNote(results: BenchResults): string {
  if (results.hugoMissing) return `Hugo: not measured (${results.hugoMissing}).`;
  return `Hugo ${results.machine.hugo} builds the same chapters, converted by bench/hugo-site.ts: the same Markdown bodies, minimal layouts with the title, the course's chapter list, the body and previous/next; code is not highlighted (Lectern does not colour code either). Hugo writes no .br/.gz copies, which Lectern's export does. Runs alternate (Hugo, then Lectern, per round); figures are the median of the rounds, each run in brackets. Warm Lectern figures are held against Hugo's build again with nothing changed, cold ones against its cold build.`;
}

/** The dated section that goes to BENCHMARKS.md (and to the terminal). */
export function formatResults(results: BenchResults): string {
  const parts = [
    `## ${results.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineLine(results.machine)}.`,
    `Command: \`${results.command}\``,
    '',
    `Each measurement first waits (${results.quietSeconds} s at most) for 3 s with the machine under 20 % of a core busy; "CPU busy before" says how busy it still was (other work on a shared machine skews figures).`,
  ];
  if (results.sizes.length > 0) {
    parts.push(
      '',
      '### Export and start-up, beside Hugo',
      '',
      hugoNote(results),
      '',
      sizeTable(results.sizes),
    );
  }
  const stages = stageTable(results.sizes);
  if (stages)
    parts.push(
      '',
      '### Cold export by stage',
      '',
      'As the export printed them (`LECTERN_TIMINGS=1`), median of the cold runs.',
      '',
      stages,
    );
  if (results.edits.length > 0)
    parts.push('', '### Development server: from save to served', '', editTable(results.edits));
  if (results.search?.length)
    parts.push(
      '',
      '### Search (issue 14)',
      '',
      searchTable(results.search),
      '',
      ...searchGoals(results.search),
    );
  if (results.load) parts.push('', '### Chapter page under load', '', loadTable(results.load));
  if (results.soak) parts.push('', '### Soak (issue 7)', '', soakTable(results.soak));
  parts.push('', '### Goals (issue 10)', '', goalTable(goals(results)), '');
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
