import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT } from '../test/support/default-site.js';
import { freePort, runToEnd, spawnKept, waitForStatus } from '../test/support/processes.js';
import { appendToBenchmarks } from './report.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/support/chromium.js';

/**
 * `npm run lighthouse`: the real server (compiled, production mode, default content) on a free
 * loopback port, and Lighthouse 12 with its default settings (mobile form factor, simulated
 * slow 4G and 4x CPU slowdown) on the course page and a chapter, in Debian's Chromium.
 */

const PAGES = ['/courses/our-principles/', '/courses/our-principles/our-principles/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface PageScores {
  readonly path: string;
  readonly scores: Readonly<Record<(typeof CATEGORIES)[number], number | null>>;
  /** Scored audits below 100: id, score and Lighthouse's own explanation or display value. */
  readonly failing: readonly string[];
  /** Audits that could not run: whether they weigh in a score, and why they failed. */
  readonly errored: readonly string[];
  readonly lighthouseVersion: string;
  readonly settings: string;
}

/** Runs Lighthouse on one URL in an already launched Chromium. */
async function audit(url: string, port: number): Promise<Omit<PageScores, 'path'>> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, score === null || score === undefined ? null : Math.round(score * 100)];
    }),
  ) as PageScores['scores'];
  const scored = new Set(
    CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id),
    ),
  );
  const failing = Object.values(lhr.audits)
    .filter((a) => scored.has(a.id) && a.score !== null && a.score < 1)
    .map((a) => {
      const why = a.explanation ?? a.displayValue ?? '';
      return `${a.id} (${Math.round((a.score ?? 0) * 100)})${why ? `: ${why}` : ''}`;
    });
  const errored = Object.values(lhr.audits)
    .filter((a) => a.scoreDisplayMode === 'error')
    .map(
      (a) => `${a.id} (${scored.has(a.id) ? 'SCORED' : 'weight 0'}): ${a.errorMessage ?? 'error'}`,
    );
  const { formFactor, throttlingMethod, screenEmulation } = lhr.configSettings;
  return {
    scores,
    failing,
    errored,
    lighthouseVersion: lhr.lighthouseVersion,
    settings: `${formFactor}, ${screenEmulation.width}x${screenEmulation.height}, throttling: ${throttlingMethod}`,
  };
}

async function startServer() {
  const port = await freePort();
  // SITE_URL unset: canonical URLs are http://localhost:PORT, the origin Lighthouse loads.
  const server = spawnKept(process.execPath, [path.join(ROOT, 'build/server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      SITE_URL: '',
    },
  });
  const url = `http://localhost:${port}`;
  await waitForStatus(`http://127.0.0.1:${port}/`, server.child, {
    timeoutMs: 60_000,
    startedAt: performance.now(),
  });
  return { url, server };
}

function formatSection(date: Date, chromium: string, pages: readonly PageScores[]): string {
  const first = pages[0];
  const rows = pages.map(
    (page) =>
      `| \`${page.path}\` | ${CATEGORIES.map((id) => page.scores[id] ?? 'n/a').join(' | ')} |`,
  );
  const failing = pages.flatMap((page) => page.failing.map((line) => `- \`${page.path}\` ${line}`));
  const errored = pages.flatMap((page) => page.errored.map((line) => `- \`${page.path}\` ${line}`));
  return [
    `## ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC: Lighthouse`,
    '',
    `Command: \`npm run lighthouse\`. Lighthouse ${first?.lighthouseVersion ?? '?'}, default settings (${first?.settings ?? '?'}), ${chromium}, headless; the production server on http://localhost.`,
    '',
    `| page | ${CATEGORIES.join(' | ')} |`,
    `| --- | ${CATEGORIES.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    failing.length > 0
      ? `Scored audits below 100:\n\n${failing.join('\n')}`
      : 'Every scored audit passes.',
    ...(errored.length > 0 ? ['', `Audits that could not run:\n\n${errored.join('\n')}`] : []),
    '',
  ].join('\n');
}

async function chromiumVersion(): Promise<string> {
  const output = await runToEnd(CHROMIUM, ['--version']).catch(() => '');
  return /Chromium [\d.]+/.exec(output)?.[0] ?? 'Chromium';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'no-save': { type: 'boolean', default: false } } });
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  await runToEnd(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: ROOT,
  });
  const { url, server } = await startServer();
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: [...CHROMIUM_FLAGS] });
  const results: PageScores[] = [];
  try {
    // One page at a time: Lighthouse's timings are only meaningful without a neighbour.
    for (const page of PAGES)
      results.push({ path: page, ...(await audit(url + page, chrome.port)) });
  } finally {
    chrome.kill();
    await server.stop();
  }
  const section = formatSection(new Date(), await chromiumVersion(), results);
  console.log(section);
  if (!values['no-save']) await appendToBenchmarks(path.join(ROOT, 'BENCHMARKS.md'), section);
  const perfect = results.every((r) => CATEGORIES.every((id) => r.scores[id] === 100));
  if (!perfect) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
