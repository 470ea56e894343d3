import type { EditLatency, EditSeries } from './edit-latency.js';
import { chaptersLabel, mib, ms, rate, ratio } from './format.js';
import type { SideBySide } from './side-by-side.js';
import type { SoakFigures } from './soak.js';
import { median, percentile } from './stats.js';
import type { LoadResult } from './wrk.js';

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

/** One row of the goals table; `met` is undefined when what it compares to was not measured. */
export interface Goal {
  readonly measure: string;
  readonly lectern: string;
  readonly reference: string;
  readonly ratio: string;
  readonly goal: string;
  readonly met: boolean | undefined;
  /** The most the machine was busy (% of a core) just before a run behind the figures. */
  readonly busyBefore?: number;
}

const MAX_RSS_KIB = 300 * 1024;

export const errorsOf = (load: LoadResult) =>
  load.non2xx +
  load.socketErrors.connect +
  load.socketErrors.read +
  load.socketErrors.write +
  load.socketErrors.timeout;

type Busy = readonly { readonly busyBefore: number }[];
const busiest = (...lists: (Busy | undefined)[]) =>
  Math.max(0, ...lists.flatMap((list) => (list ?? []).map((run) => run.busyBefore)));

/** A Lectern time against Hugo's: at most `most` times as long. */
function againstHugo(
  measure: string,
  times: { lectern: number; hugo: number | undefined; busyBefore: number },
  most: number,
) {
  const { lectern, hugo, busyBefore } = times;
  const share = hugo === undefined ? Number.NaN : lectern / hugo;
  return {
    busyBefore,
    measure,
    lectern: ms(lectern),
    reference: hugo === undefined ? 'not measured' : ms(hugo),
    ratio: ratio(share),
    goal: `at most ${most.toFixed(1)}x Hugo's`,
    met: hugo === undefined ? undefined : share <= most,
  } satisfies Goal;
}

const wall = (list: readonly { wallMs: number }[]) => median(list.map((run) => run.wallMs));
const startup = (list: readonly { startupMs: number }[]) =>
  median(list.map((run) => run.startupMs));

/** The export's peak memory (Hugo's for comparison) and the server processes' once warm. */
function memoryGoals(size: SideBySide): [Goal, Goal] {
  const at = chaptersLabel(size.chapters);
  const exportPeak = median(size.export.cold.map((run) => run.peakKiB));
  const warmRss = Math.max(...size.start.warm.flatMap((run) => run.rssKiB));
  return [
    {
      measure: `export, cold, ${at}: peak memory`,
      lectern: mib(exportPeak),
      reference: size.hugo ? mib(median(size.hugo.cold.map((run) => run.peakKiB))) : 'not measured',
      ratio: '',
      goal: 'at most 300 MiB',
      met: exportPeak <= MAX_RSS_KIB,
    },
    {
      measure: `\`node build/start.js\`, warm, ${at}: largest server process 1 s after`,
      lectern: mib(warmRss),
      reference: '',
      ratio: '',
      goal: 'every process at most 300 MiB',
      met: warmRss <= MAX_RSS_KIB,
    },
  ];
}

function exportAndStartGoals(size: SideBySide): Goal[] {
  const at = chaptersLabel(size.chapters);
  const { hugo } = size;
  // Cold Lectern figures against Hugo's cold build, warm ones against its build again.
  const cold = (lectern: number, runs: Busy) => ({
    lectern,
    hugo: hugo && wall(hugo.cold),
    busyBefore: busiest(runs, hugo?.cold),
  });
  const warm = (lectern: number, runs: Busy) => ({
    lectern,
    hugo: hugo && wall(hugo.warm),
    busyBefore: busiest(runs, hugo?.warm),
  });
  const [exportMemory, startMemory] = memoryGoals(size);
  return [
    againstHugo(
      `export, cold (no cache), ${at}: wall time`,
      cold(wall(size.export.cold), size.export.cold),
      1,
    ),
    exportMemory,
    againstHugo(
      `export, warm (nothing changed), ${at}`,
      warm(wall(size.export.warm), size.export.warm),
      0.2,
    ),
    againstHugo(
      `\`node build/start.js\` to first answer, cold, ${at}`,
      cold(startup(size.start.cold), size.start.cold),
      1,
    ),
    againstHugo(
      `\`node build/start.js\` to first answer, warm (cache kept), ${at}`,
      warm(startup(size.start.warm), size.start.warm),
      0.2,
    ),
    startMemory,
  ];
}

function editGoal(kind: string, edit: EditLatency, series: EditSeries, most: number): Goal {
  const middle = median(series.ms);
  const late = series.timedOut > 0 ? `, ${series.timedOut} not served in 30 s` : '';
  return {
    measure: `\`npm run dev\`: a chapter ${kind} edit to the new bytes served, ${chaptersLabel(edit.chapters)}`,
    lectern: `${ms(middle)} (p90 ${ms(percentile(series.ms, 0.9))}, ${series.ms.length} edits${late})`,
    reference: '',
    ratio: '',
    goal: `median at most ${most} ms`,
    met: series.timedOut === 0 && middle <= most,
    busyBefore: edit.busyBefore,
  };
}

function loadGoals(load: LoadFigures): Goal[] {
  const { lectern, nginx } = load;
  const perSecond = nginx ? lectern.requestsPerSecond / nginx.requestsPerSecond : Number.NaN;
  const p99 = nginx ? lectern.p99Ms / nginx.p99Ms : Number.NaN;
  const at = `${chaptersLabel(load.chapters)}, default access log, one core each`;
  const busyBefore = Math.max(lectern.busyBefore, nginx?.busyBefore ?? 0);
  return [
    {
      measure: `chapter page requests/s, ${at}`,
      lectern: rate(lectern.requestsPerSecond),
      reference: nginx ? rate(nginx.requestsPerSecond) : 'not measured',
      ratio: ratio(perSecond),
      goal: "at least 0.6x nginx's",
      met: nginx ? perSecond >= 0.6 : undefined,
      busyBefore,
    },
    {
      measure: `chapter page p99 latency, ${at}`,
      lectern: ms(lectern.p99Ms),
      reference: nginx ? ms(nginx.p99Ms) : 'not measured',
      ratio: ratio(p99),
      goal: "at most 3x nginx's",
      met: nginx ? p99 <= 3 : undefined,
      busyBefore,
    },
  ];
}

function soakGoal(soak: SoakFigures): Goal {
  const growth =
    soak.warmRssKiB === undefined ? NaN : (soak.endRssKiB - soak.warmRssKiB) / soak.warmRssKiB;
  return {
    measure: `soak (issue 7): ${soak.seconds} s of load and ${soak.edits} edits on \`npm run dev\``,
    lectern: `${errorsOf(soak.load)} errors, RSS growth ${Number.isNaN(growth) ? 'n/a' : `${(growth * 100).toFixed(1)} %`}, last edit ${soak.lastEditServed ? 'served' : 'NOT served'}`,
    reference: '',
    ratio: '',
    goal: 'no error, RSS growth under 10 %, last edit served',
    met: errorsOf(soak.load) === 0 && growth < 0.1 && soak.lastEditServed,
    busyBefore: soak.load.busyBefore,
  };
}

/**
 * Issue 10's goals: export and start-up of the largest corpus against Hugo on the same chapters,
 * edit latency of the development server at every size, the chapter page against nginx.
 */
export function goals(input: {
  readonly sizes: readonly SideBySide[];
  readonly edits: readonly EditLatency[];
  readonly load: LoadFigures | undefined;
  readonly soak: SoakFigures | undefined;
}): Goal[] {
  const largest = input.sizes.at(-1);
  return [
    ...(largest ? exportAndStartGoals(largest) : []),
    ...input.edits.flatMap((edit) => [
      editGoal('body', edit, edit.body, 150),
      editGoal('title', edit, edit.title, 300),
    ]),
    ...(input.load ? loadGoals(input.load) : []),
    ...(input.soak ? [soakGoal(input.soak)] : []),
  ];
}
