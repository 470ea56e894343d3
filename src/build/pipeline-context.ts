import { createHash, randomUUID } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import type { ContentIndex } from '../content/content-index.js';
import type { Staged } from '../content/content-problem.js';
import type { Course } from '../content/model.js';
import type { ParsedSource } from '../content/parse-source.js';
import type { ContentFiles } from '../content/read-content.js';
import type { HeadingIds } from '../content/render-document.js';
import { captureHeaders, securityHeaders } from '../http/security-headers.js';
import { createMarkdown } from '../markdown/create-markdown.js';
import type { HeaderList, PreparedResponse } from '../render/prepared-response.js';
import { createViews, type Views } from '../render/views.js';
import type { Locale } from '../i18n/messages.js';
import type { IndexMessage, WorkerTask } from './build-worker.js';
import { createDiskCache, type CachePack, type DiskCache } from './disk-cache.js';
import { createMemo, type Memo } from './memo.js';
import { codeKey } from './output-keys.js';
import type { KeyedDocument } from './render-stage.js';
import { createSearchState, type SearchState } from './search-stage.js';
import type { KeyedPage } from './views-stage.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

export interface PipelineOptions {
  readonly contentDir: string;
  readonly viewsDir: string;
  readonly publicDir: string;
  /** SITE_URL; when absent, site.yaml's url, then the fallback. */
  readonly siteUrl: string | undefined;
  readonly fallbackSiteUrl: string;
  /** Where paths in content messages start from (the project root). */
  readonly displayRoot: string;
  /** The disk cache's folder; undefined runs without one. */
  readonly cacheDir: string | undefined;
  /** Worker threads for the costly stages; 0 runs them all on this thread. */
  readonly workers: number;
  /** Lectern's version: a cache written by another version is not read. */
  readonly version: string;
  /** Said once, for a cache folder that cannot be written. */
  readonly warn: (message: string) => void;
  /** Told how long each stage took (LECTERN_TIMINGS=1 prints it). */
  readonly onStage?: (stage: string, ms: number) => void;
}

type PackSlot = CachePack | undefined | 'saved';

/** What the last build did: how much it reused. For tests, LECTERN_TIMINGS and the bench. */
export interface BuildStats {
  /** Bodies rendered, and bodies taken from the disk cache instead. */
  rendered: number;
  renderedFromDisk: number;
  /** URLs of the pages laid out again (the others kept their response). */
  laidOut: string[];
  /** Bodies compressed, and compressed bodies taken from the disk cache instead. */
  compressed: number;
  compressedFromDisk: number;
}

/** What the pipeline keeps between builds: its memo tables, its workers, its disk cache. */
export interface PipelineContext {
  readonly options: PipelineOptions;
  readonly headers: HeaderList;
  readonly memos: {
    readonly parse: Memo<Staged<ParsedSource | undefined>>;
    readonly render: Memo<KeyedDocument>;
    readonly page: Memo<PreparedResponse>;
    readonly asset: Memo<PreparedResponse>;
    /** Drawn share cards (PNG) by the hash of their SVG. */
    readonly share: Memo<Buffer>;
  };
  readonly disk: DiskCache;
  readonly packs: { render: PackSlot; response: PackSlot; share: PackSlot };
  previous: ContentFiles | undefined;
  /** The hash of every body of the last load, by its HTML (see pageKey in views-stage.ts). */
  bodyKeys: ReadonlyMap<string, string>;
  codeKey: string | undefined;
  pool: WorkerPool | undefined;
  sentIndex: ContentIndex | undefined;
  markdown: MarkdownIt | undefined;
  views: { key: string; views: Views } | undefined;
  /** The Course last assembled for each course folder, with the inputs it was made from. */
  readonly courses: Map<string, { inputs: readonly unknown[]; course: Course }>;
  /** The keyed pages of each Course object, and the site-level key they were made under. */
  readonly coursePages: WeakMap<Course, { siteKey: string; pages: readonly KeyedPage[] }>;
  readonly headingIds: HeadingIds;
  /** The search index, kept up to date build after build. */
  readonly search: SearchState;
  /** The hash of each parsed body (see markdownSources in pipeline.ts). */
  readonly bodyHashes: WeakMap<object, string>;
  /** One per pipeline: stands in the 500 page where each request's id goes. */
  readonly referenceToken: string;
  readonly stats: BuildStats;
}

export function createContext(options: PipelineOptions): PipelineContext {
  return {
    options,
    headers: captureHeaders(securityHeaders()),
    memos: {
      parse: createMemo(),
      render: createMemo(),
      page: createMemo(),
      asset: createMemo(),
      share: createMemo(),
    },
    disk: createDiskCache({ dir: options.cacheDir, warn: options.warn }),
    packs: { render: undefined, response: undefined, share: undefined },
    previous: undefined,
    bodyKeys: new Map(),
    codeKey: undefined,
    pool: undefined,
    sentIndex: undefined,
    markdown: undefined,
    views: undefined,
    courses: new Map(),
    coursePages: new WeakMap(),
    bodyHashes: new WeakMap(),
    headingIds: new WeakMap(),
    search: createSearchState(),
    referenceToken: `lectern-reference-${randomUUID()}`,
    stats: { rendered: 0, renderedFromDisk: 0, laidOut: [], compressed: 0, compressedFromDisk: 0 },
  };
}

/** Times one stage for LECTERN_TIMINGS. */
export async function timed<T>(
  context: PipelineContext,
  stage: string,
  run: () => T | Promise<T>,
): Promise<T> {
  const started = performance.now();
  const value = await run();
  context.options.onStage?.(stage, performance.now() - started);
  return value;
}

// The disk cache is read by the first build and written after it; later builds (development)
// work from the memo tables in memory, which hold the same.
export type PackName = keyof PipelineContext['packs'];

export async function openPack(context: PipelineContext, which: PackName) {
  const slot = context.packs[which];
  if (slot === 'saved') return undefined;
  return (context.packs[which] = slot ?? (await context.disk.open(which, await codeKeyOf(context))));
}

/**
 * Lectern's version and a hash of its own code (what `src/` or `build/` holds): a cache written
 * by other code is not read, even when a change forgot to bump the version.
 */
export async function codeKeyOf(context: PipelineContext): Promise<string> {
  // Node's version too: another zlib or brotli may compress the same bytes differently; and its
  // ICU's, which writes French dates and numbers (a newer CLDR may change a space).
  const runtime = `${process.version}\0${process.versions.icu ?? ''}`;
  const code = createHash('sha1').update(`${runtime}\0${await codeKey()}`).digest('hex');
  context.codeKey ??= `${context.options.version.replace(/[^a-z0-9.]/gi, '-')}-${code.slice(0, 16)}`;
  return context.codeKey;
}

export async function savePack(context: PipelineContext, which: PackName) {
  const slot = context.packs[which];
  if (slot && slot !== 'saved') await slot.save();
  context.packs[which] = 'saved';
}

function workerScript(): URL {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./build-worker.${extension}`, import.meta.url);
}

/** A worker's copy of the index: no image bytes, which no render reads. */
function indexMessage(index: ContentIndex): IndexMessage {
  const assets = new Map([...index.assets].map(([k, a]) => [k, { ...a, body: Buffer.alloc(0) }]));
  return { type: 'index', index: { ...index, assets } };
}

/**
 * Runs a task on the worker pool, started at its first task (a small site never needs one);
 * undefined when the pipeline runs on one thread. Renders see the index they were given.
 */
export function poolRunner<T>(context: PipelineContext, index?: ContentIndex) {
  if (context.options.workers <= 0) return undefined;
  return (task: WorkerTask): Promise<T> => {
    context.pool ??= createWorkerPool(workerScript(), context.options.workers);
    if (index && context.sentIndex !== index) {
      context.pool.broadcast(indexMessage(index));
      context.sentIndex = index;
    }
    return context.pool.run<T>(task);
  };
}

export function markdownOf(context: PipelineContext): MarkdownIt {
  return (context.markdown ??= createMarkdown());
}

/** `key` names the templates and the locales: see templatesKeyOf. */
export function viewsOf(context: PipelineContext, key: string, locales: readonly Locale[]): Views {
  if (context.views?.key !== key)
    context.views = { key, views: createViews(context.options.viewsDir, locales) };
  return context.views.views;
}
