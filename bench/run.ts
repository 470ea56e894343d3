import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../test/support/default-site.js';
import { nginxMissing, startNginx } from '../test/support/nginx-server.js';
import { readableTempDir, runToEnd } from '../test/support/processes.js';
import { generateCorpus, type Corpus } from './corpus.js';
import { measureEditLatency, type EditLatency } from './edit-latency.js';
import type { LoadFigures } from './goals.js';
import { hugoMissing } from './hugo-build.js';
import { describeMachine } from './machine.js';
import { LOAD_CPU, SERVER_CPU, startProductionServer } from './measure.js';
import { waitForQuiet, type Quiet } from './process-stats.js';
import { appendToBenchmarks, formatResults, goalLines, type BenchResults } from './report.js';
import { sideBySide, type SideBySide } from './side-by-side.js';
import { measureSearch, type SearchFigures } from './search.js';
import { soak, type SoakFigures } from './soak.js';
import { runWrk, type LoadOptions } from './wrk.js';

const USAGE = `npm run bench [-- options]
  --quick            one round instead of two, 5 edits instead of 15, quiet waits of 30 s at
                     most instead of 120 s, and no soak run
  --soak-only        only the soak run
  --sizes 1000,4000  corpus sizes in chapters (the largest is load-tested)
  --rounds 2         rounds of Hugo then Lectern (export and start-up, cold and warm) per size
  --edits 15         body edits, and as many title edits, on the development server per size
  --seconds 10       duration of each load run
  --soak-seconds 60  duration of the soak run
  --quiet-seconds 120
                     how long each measurement waits at most for the machine to be quiet
  --no-save          print only; do not append to BENCHMARKS.md`;

// Canonical URLs in the pages: the same for the export and the server, so both send the same bytes.
const SITE_URL = 'https://bench.example.com';
const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
const SOAK_EDITS = 200;

interface Options {
  readonly quick: boolean;
  readonly soakOnly: boolean;
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly edits: number;
  readonly seconds: number;
  readonly soakSeconds: number;
  readonly quietSeconds: number;
  readonly save: boolean;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      'soak-only': { type: 'boolean', default: false },
      sizes: { type: 'string', default: '1000,4000' },
      rounds: { type: 'string' },
      edits: { type: 'string' },
      seconds: { type: 'string', default: '10' },
      'soak-seconds': { type: 'string', default: '60' },
      'quiet-seconds': { type: 'string' },
      'no-save': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const counts = [values.rounds, values.edits, values['quiet-seconds']].map((v, i) =>
    Number(v ?? (values.quick ? [1, 5, 30][i] : [2, 15, 120][i])),
  );
  const [rounds = 0, edits = 0, quietSeconds = 0] = counts;
  const seconds = Number(values.seconds);
  const soakSeconds = Number(values['soak-seconds']);
  const whole = [...sizes, rounds, edits, quietSeconds].every((n) => Number.isInteger(n) && n >= 1);
  if (!whole || !(seconds > 0) || !(soakSeconds >= 10)) {
    throw new Error(`Invalid options.\n${USAGE}`);
  }
  return {
    quick: values.quick,
    soakOnly: values['soak-only'],
    sizes,
    rounds,
    edits,
    seconds,
    soakSeconds,
    quietSeconds,
    save: !values['no-save'],
  };
}

/** The wait before each measurement, bounded: on a busy shared machine it would be endless. */
const quietFor =
  (options: Options): Quiet =>
  () =>
    waitForQuiet({ timeoutMs: options.quietSeconds * 1000 });

async function whenQuietThen<T>(options: Options, run: () => Promise<T>): Promise<T> {
  await quietFor(options)();
  return run();
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** What a client asking for gzip or brotli gets: coding and bytes, to show both runs compare alike. */
async function sends(url: string): Promise<string> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
  await response.arrayBuffer();
  return `${response.status} ${response.headers.get('content-encoding') ?? 'identity'} ${response.headers.get('content-length') ?? '?'} B`;
}

/** A short unreported run first, so that both servers are measured warm (JIT, caches, lazy work). */
async function measuredLoad(options: LoadOptions, quiet: Quiet) {
  await runWrk({ ...options, seconds: WARM_UP_SECONDS });
  await quiet();
  return runWrk(options);
}

/** Lectern under load: one server process (build/server.js) on its own core, then stopped. */
async function loadLectern(corpus: Corpus, workDir: string, options: LoadOptions, quiet: Quiet) {
  const server = await startProductionServer(corpus, {
    siteUrl: SITE_URL,
    cacheDir: path.join(workDir, `load-cache-${corpus.chapters}`),
  });
  try {
    const url = `${server.url}${corpus.sampleChapterUrl}`;
    return { sends: await sends(url), result: await measuredLoad({ ...options, url }, quiet) };
  } finally {
    await server.process.stop();
  }
}

/** nginx (deploy/nginx.conf, one worker on the server's core) serving the export. */
async function loadNginx(outDir: string, page: string, options: LoadOptions, quiet: Quiet) {
  const nginx = await startNginx(outDir, { workers: 1, cpu: SERVER_CPU });
  try {
    const url = `${nginx.url}${page}`;
    return { sends: await sends(url), result: await measuredLoad({ ...options, url }, quiet) };
  } finally {
    await nginx.stop();
  }
}

async function loadBoth(corpus: Corpus, workDir: string, outDir: string, options: Options) {
  const page = corpus.sampleChapterUrl;
  const { seconds } = options;
  const load = { url: '', connections: CONNECTIONS, seconds, cpu: LOAD_CPU };
  const quiet = quietFor(options);
  log(`load on Lectern: ${page}`);
  const lectern = await loadLectern(corpus, workDir, load, quiet);
  const missing = nginxMissing();
  if (missing) log(`nginx skipped: ${missing}`);
  else log('load on nginx serving the export');
  const nginx = missing ? undefined : await loadNginx(outDir, page, load, quiet);
  return {
    chapters: corpus.chapters,
    path: page,
    connections: CONNECTIONS,
    seconds,
    lectern: lectern.result,
    nginx: nginx?.result,
    lecternSends: lectern.sends,
    nginxSends: nginx?.sends ?? '',
  } satisfies LoadFigures;
}

interface Measured {
  readonly sizes: SideBySide[];
  readonly edits: EditLatency[];
  readonly search: SearchFigures[];
  load: LoadFigures | undefined;
}

/** Per size: Lectern beside Hugo, then the development server's edits; the largest under load. */
async function measureSizes(corpora: readonly Corpus[], workDir: string, options: Options) {
  const missing = hugoMissing();
  if (missing) log(`Hugo skipped: ${missing}`);
  const measured: Measured = { sizes: [], edits: [], search: [], load: undefined };
  for (const corpus of corpora) {
    const outDir = path.join(workDir, `dist-${corpus.chapters}`);
    measured.sizes.push(
      await sideBySide(corpus, workDir, {
        rounds: options.rounds,
        siteUrl: SITE_URL,
        outDir,
        withHugo: !missing,
        quiet: quietFor(options),
        log,
      }),
    );
    log(`${corpus.chapters} chapters: search, on the server and in the export`);
    const cacheDir = path.join(workDir, `load-cache-${corpus.chapters}`);
    measured.search.push(
      await whenQuietThen(options, () => measureSearch(corpus, outDir, cacheDir)),
    );
    log(
      `${corpus.chapters} chapters: ${options.edits} body and ${options.edits} title edits on npm run dev`,
    );
    measured.edits.push(
      await measureEditLatency(corpus, workDir, { edits: options.edits, quiet: quietFor(options) }),
    );
    if (corpus === corpora.at(-1)) {
      measured.load = await loadBoth(corpus, workDir, outDir, options);
    }
  }
  return measured;
}

async function prepare(workDir: string, sizes: readonly number[]): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  for (const chapters of sizes) {
    log(`generating ${chapters} chapters`);
    corpora.push(await generateCorpus(path.join(workDir, `content-${chapters}`), { chapters }));
  }
  // Compiled once, beforehand: the export and start-up are timed as build/*.js, without tsc.
  log('compiling the server (tsc -p tsconfig.build.json)');
  await runToEnd(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: ROOT,
  });
  return corpora;
}

async function soakIfAsked(corpus: Corpus | undefined, workDir: string, options: Options) {
  if (options.quick || !corpus) return undefined;
  log(`soak: ${options.soakSeconds} s on the development server, ${SOAK_EDITS} edits`);
  return soak(
    corpus,
    workDir,
    { seconds: options.soakSeconds, connections: CONNECTIONS, edits: SOAK_EDITS },
    quietFor(options),
  );
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const workDir = await readableTempDir('lectern-bench-');
  try {
    const machine = await describeMachine();
    const corpora = await prepare(
      workDir,
      options.soakOnly ? options.sizes.slice(0, 1) : options.sizes,
    );
    const measured = options.soakOnly
      ? { sizes: [], edits: [], search: [], load: undefined }
      : await measureSizes(corpora, workDir, options);
    const soaked: SoakFigures | undefined = await soakIfAsked(corpora[0], workDir, options);
    const results: BenchResults = {
      date: new Date(),
      machine,
      command,
      ...measured,
      hugoMissing: hugoMissing(),
      quietSeconds: options.quietSeconds,
      soak: soaked,
    };
    const section = formatResults(results);
    console.log(`\n${section}`);
    for (const line of goalLines(results)) console.log(line);
    if (options.save) {
      await appendToBenchmarks(path.join(ROOT, 'BENCHMARKS.md'), section);
      log('appended to BENCHMARKS.md');
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
