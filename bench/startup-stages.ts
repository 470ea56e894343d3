import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadSite } from '../src/content/load-site.js';
import { readContent } from '../src/content/read-content.js';
import { captureHeaders, securityHeaders } from '../src/http/security-headers.js';
import { createMarkdown } from '../src/markdown/create-markdown.js';
import { readPublicAssets } from '../src/render/public-assets.js';
import { renderSite } from '../src/render/render-site.js';
import { createViews, type Views } from '../src/render/views.js';
import { ROOT } from '../test/support/default-site.js';
import { readableTempDir } from '../test/support/processes.js';
import { generateCorpus } from './corpus.js';

/**
 * Where start-up time goes: `npx tsx bench/startup-stages.ts [--chapters 4000]`. Runs the
 * server's pipeline stage by stage in this process and times each one; compression is timed
 * apart, on every rendered page, at the settings the server has used (gzip 9, brotli 10) and
 * cheaper ones, whatever src/render/prepared-response.ts does today.
 */

interface Stage {
  readonly name: string;
  readonly ms: number;
  readonly note?: string;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

/** markdown-it with its render timed: the Markdown share of loading. */
function timedMarkdown() {
  const markdown = createMarkdown();
  const render = markdown.render.bind(markdown);
  const spent = { ms: 0 };
  markdown.render = (source, env) => {
    const { value, ms } = timed(() => render(source, env));
    spent.ms += ms;
    return value;
  };
  return { markdown, spent };
}

/** The views with their render timed: the EJS share of rendering. */
function timedViews(views: Views) {
  const spent = { ms: 0, pages: 0 };
  const wrapped: Views = {
    ...views,
    render(page) {
      const { value, ms } = timed(() => views.render(page));
      spent.ms += ms;
      spent.pages++;
      return value;
    },
  };
  return { views: wrapped, spent };
}

function brotli(quality: number) {
  return (body: Buffer) =>
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
}

function compressAll(
  name: string,
  bodies: readonly Buffer[],
  compress: (b: Buffer) => Buffer,
): Stage {
  const { value: bytes, ms } = timed(() => bodies.reduce((sum, b) => sum + compress(b).length, 0));
  return { name, ms, note: `${(bytes / 2 ** 20).toFixed(1)} MiB out` };
}

async function stages(contentDir: string): Promise<Stage[]> {
  const read = await timedAsync(() => readContent(contentDir));
  const { markdown, spent: markdownSpent } = timedMarkdown();
  const loaded = await timedAsync(() => loadSite({ contentDir, markdown, displayRoot: ROOT }));
  const { views, spent: ejsSpent } = timedViews(createViews(path.join(ROOT, 'views')));
  const publicAssets = await readPublicAssets(path.join(ROOT, 'public'));
  const rendered = timed(() =>
    renderSite({
      site: loaded.value.site,
      views,
      publicAssets,
      siteUrl: 'https://bench.example.com',
      headers: captureHeaders(securityHeaders()),
      notices: [],
      devScripts: [],
    }),
  );
  const bodies = [...rendered.value.responses.values()]
    .filter((response) => response.headers.some(([, value]) => value.startsWith('text/html')))
    .map((response) => response.identity.body);
  const identityMiB = bodies.reduce((sum, b) => sum + b.length, 0) / 2 ** 20;
  void read.value;
  return [
    { name: 'read files (readContent)', ms: read.ms },
    { name: 'load (loadSite: read + parse + validate + Markdown)', ms: loaded.ms },
    { name: '  of which Markdown (markdown-it render)', ms: markdownSpent.ms },
    { name: 'render (renderSite, as the working tree does it)', ms: rendered.ms },
    { name: `  of which EJS (${ejsSpent.pages} pages)`, ms: ejsSpent.ms },
    {
      name: `sha256 ETags of ${bodies.length} HTML pages`,
      ms: timed(() => bodies.forEach((b) => createHash('sha256').update(b).digest())).ms,
      note: `${identityMiB.toFixed(1)} MiB in`,
    },
    compressAll('gzip level 9, every page', bodies, (b) => gzipSync(b, { level: 9 })),
    compressAll('brotli quality 10, every page', bodies, brotli(10)),
    compressAll('brotli quality 9, every page', bodies, brotli(9)),
    compressAll('brotli quality 5, every page', bodies, brotli(5)),
    compressAll('brotli quality 4, every page', bodies, brotli(4)),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { chapters: { type: 'string', default: '4000' }, content: { type: 'string' } },
  });
  const workDir = values.content ? undefined : await readableTempDir('lectern-stages-');
  try {
    const contentDir =
      values.content ??
      (
        await generateCorpus(path.join(workDir ?? '', 'content'), {
          chapters: Number(values.chapters),
        })
      ).dir;
    const list = await stages(contentDir);
    console.log(`Start-up stages for ${contentDir} (Node ${process.version}, one process):\n`);
    console.log('| stage | ms | note |\n| --- | ---: | --- |');
    for (const stage of list) {
      console.log(`| ${stage.name} | ${Math.round(stage.ms)} | ${stage.note ?? ''} |`);
    }
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
