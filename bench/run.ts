import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../test/support/default-site.js';
import { nginxMissing, startNginx } from '../test/support/nginx-server.js';
import { readableTempDir, runToEnd } from '../test/support/processes.js';
import { generateCorpus, type Corpus } from './corpus.js';
import { describeMachine } from './machine.js';
import { LOAD_CPU, measureExport, SERVER_CPU, startProductionServer } from './measure.js';
import { waitForQuiet } from './process-stats.js';
import {
  appendToBenchmarks,
  formatResults,
  goals,
  type BenchResults,
  type LoadFigures,
  type SizeFigures,
} from './report.js';
import { soak, type SoakFigures } from './soak.js';
import { runWrk, type LoadOptions } from './wrk.js';

const USAGE = `npm run bench [-- options]
  --quick            skip the 60 s soak run on the development server
  --soak-only        only the soak run
  --sizes 1000,4000  corpus sizes in chapters (the largest is load-tested)
  --seconds 10       duration of each load run
  --soak-seconds 60  duration of the soak run
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
  readonly seconds: number;
  readonly soakSeconds: number;
  readonly save: boolean;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      'soak-only': { type: 'boolean', default: false },
      sizes: { type: 'string', default: '1000,4000' },
      seconds: { type: 'string', default: '10' },
      'soak-seconds': { type: 'string', default: '60' },
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
  const seconds = Number(values.seconds);
  const soakSeconds = Number(values['soak-seconds']);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !(seconds > 0) || !(soakSeconds >= 10)) {
    throw new Error(`Invalid options.\n${USAGE}`);
  }
  return {
    quick: values.quick,
    soakOnly: values['soak-only'],
    sizes,
    seconds,
    soakSeconds,
    save: !values['no-save'],
  };
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
async function measuredLoad(options: LoadOptions) {
  await runWrk({ ...options, seconds: WARM_UP_SECONDS });
  await waitForQuiet();
  return runWrk(options);
}

async function measureSize(corpus: Corpus, workDir: string, loadSeconds: number | undefined) {
  const outDir = path.join(workDir, `dist-${corpus.chapters}`);
  log(`export of ${corpus.chapters} chapters`);
  const busyBeforeExport = await waitForQuiet();
  const exported = await measureExport(corpus, outDir, SITE_URL);
  log(`start-up with ${corpus.chapters} chapters`);
  const busyBeforeStart = await waitForQuiet();
  const server = await startProductionServer(corpus, SITE_URL);
  let load: LoadFigures | undefined;
  try {
    if (loadSeconds !== undefined) load = await loadBoth(corpus, outDir, server.url, loadSeconds);
  } finally {
    await server.process.stop();
  }
  const figures: SizeFigures = {
    chapters: corpus.chapters,
    courses: corpus.courses,
    wordsPerChapter: corpus.wordsPerChapter,
    export: exported,
    startupMs: server.startupMs,
    startRssKiB: server.rssKiB,
    busyBefore: [busyBeforeExport, busyBeforeStart],
  };
  return { figures, load };
}

async function loadBoth(corpus: Corpus, outDir: string, lecternUrl: string, seconds: number) {
  const page = corpus.sampleChapterUrl;
  const options = { connections: CONNECTIONS, seconds, cpu: LOAD_CPU };
  log(`load on Lectern: ${page}`);
  const lecternSends = await sends(`${lecternUrl}${page}`);
  const lectern = await measuredLoad({ ...options, url: `${lecternUrl}${page}` });
  const lecternOnly = {
    chapters: corpus.chapters,
    path: page,
    connections: CONNECTIONS,
    seconds,
    lectern,
    nginx: undefined,
    lecternSends,
    nginxSends: '',
  } satisfies LoadFigures;
  const missing = nginxMissing();
  if (missing) {
    log(`nginx skipped: ${missing}`);
    return lecternOnly;
  }
  log('load on nginx serving the export');
  const nginx = await startNginx(outDir, { workers: 1, cpu: SERVER_CPU });
  try {
    const nginxSends = await sends(`${nginx.url}${page}`);
    const result = await measuredLoad({ ...options, url: `${nginx.url}${page}` });
    return { ...lecternOnly, nginx: result, nginxSends } satisfies LoadFigures;
  } finally {
    await nginx.stop();
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const workDir = await readableTempDir('lectern-bench-');
  try {
    const machine = await describeMachine();
    const sizes = options.soakOnly ? options.sizes.slice(0, 1) : options.sizes;
    const corpora: Corpus[] = [];
    for (const chapters of sizes) {
      log(`generating ${chapters} chapters`);
      corpora.push(await generateCorpus(path.join(workDir, `content-${chapters}`), { chapters }));
    }
    log('compiling the server (tsc -p tsconfig.build.json)');
    await runToEnd(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: ROOT,
    });

    const figures: SizeFigures[] = [];
    let load: LoadFigures | undefined;
    if (!options.soakOnly) {
      for (const corpus of corpora) {
        const largest = corpus === corpora.at(-1);
        const measured = await measureSize(corpus, workDir, largest ? options.seconds : undefined);
        figures.push(measured.figures);
        load = measured.load ?? load;
      }
    }
    let soaked: SoakFigures | undefined;
    const soakCorpus = corpora[0];
    if (!options.quick && soakCorpus) {
      log(`soak: ${options.soakSeconds} s on the development server, ${SOAK_EDITS} edits`);
      soaked = await soak(soakCorpus, workDir, {
        seconds: options.soakSeconds,
        connections: CONNECTIONS,
        edits: SOAK_EDITS,
      });
    }
    const results: BenchResults = {
      date: new Date(),
      machine,
      command,
      sizes: figures,
      load,
      soak: soaked,
    };
    const section = formatResults(results);
    console.log(`\n${section}`);
    for (const goal of goals(results))
      console.log(`${goal.met ? 'met    ' : 'NOT MET'}  ${goal.name}: ${goal.measured}`);
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
