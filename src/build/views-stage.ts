import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/messages.js';
import type { Page } from '../pages/view-model.js';
import { decodePageBytes, pageBytes, type PageBytes } from '../render/page-bytes.js';
import { RenderError } from '../render/render-site.js';
import type { Views } from '../render/views.js';
import type { WorkerTask } from './build-worker.js';
import type { CachePack } from './disk-cache.js';
import type { Memo } from './memo.js';

/** A page's view model and the hash of everything it shows (see pageKey). */
export interface KeyedPage {
  readonly page: Page;
  readonly key: string;
}

export interface ViewsStageInput<Prepared> {
  readonly pages: readonly KeyedPage[];
  /** A hash of every template and locale: a change lays every page out again. */
  readonly templatesKey: string;
  readonly viewsDir: string;
  /** The interface text the templates read (the site's). */
  readonly locales: readonly Locale[];
  /** Last builds' responses by page key: a page whose view model is unchanged is not laid out. */
  readonly memo: Memo<Prepared>;
  /** Pages laid out by earlier processes, by page key. */
  readonly pack: CachePack | undefined;
  /** Lays pages out on the worker pool; the bytes come back transferred, not copied. */
  readonly renderMany: ((task: WorkerTask) => Promise<PageBytes[]>) | undefined;
  readonly views: () => Views;
}

export interface LaidOut<Prepared> {
  readonly page: Page;
  readonly key: string;
  /** The last build's response, when the view model is the same. */
  readonly reused: Prepared | undefined;
  /** The page's bytes, when it is not: from the disk cache, or laid out now. */
  readonly bytes: PageBytes | undefined;
  /** Laid out (and compressed) by this build, not found in the disk cache. */
  readonly fresh: boolean;
}

const PAGES_PER_TASK = 32;

/**
 * The hash of everything a page shows. Bodies are named by the hash of their HTML, computed
 * once when they were rendered: hashing every page's HTML after each save would cost more than
 * the save's render.
 */
export function pageKey(page: Page, templatesKey: string, bodyKeys: ReadonlyMap<string, string>) {
  const json = JSON.stringify(page, (name, value: unknown) =>
    (name === 'html' || name === 'introHtml') && typeof value === 'string'
      ? (bodyKeys.get(value) ?? value)
      : value,
  );
  return createHash('sha1').update(templatesKey).update(json).digest('base64url');
}

function layOutHere(views: Views, page: Page): PageBytes {
  try {
    return pageBytes(views.render(page));
  } catch (error) {
    // A template that fails for one page is a broken site: it stops the start, never serves half.
    throw new RenderError(page.url, error);
  }
}

async function layOut<P>(input: ViewsStageInput<P>, pages: readonly Page[]): Promise<PageBytes[]> {
  const { renderMany } = input;
  if (!renderMany || pages.length < PAGES_PER_TASK * 2) {
    const views = input.views();
    return pages.map((page) => layOutHere(views, page));
  }
  const tasks: Promise<PageBytes[]>[] = [];
  for (let at = 0; at < pages.length; at += PAGES_PER_TASK) {
    const batch = pages.slice(at, at + PAGES_PER_TASK);
    const { viewsDir, templatesKey, locales } = input;
    tasks.push(renderMany({ type: 'views', viewsDir, templatesKey, locales, pages: batch }));
  }
  return (await Promise.all(tasks)).flat();
}

function fromPack(pack: CachePack | undefined, key: string): PageBytes | undefined {
  const stored = pack?.get(key);
  return stored && decodePageBytes(stored);
}

/**
 * The views stage: each page's view model -> its HTML, and with it, on the same thread, the
 * bytes the respond stage needs (the brotli and gzip forms), for the pages whose model changed.
 * A page laid out by an earlier process under the same key comes from the disk cache.
 */
export async function viewsStage<P>(input: ViewsStageInput<P>): Promise<LaidOut<P>[]> {
  const keyed = input.pages.map(({ page, key }) => {
    const reused = input.memo.get(key);
    const stored = reused === undefined ? fromPack(input.pack, key) : undefined;
    return { page, key, reused, stored };
  });
  const missing = keyed.filter((entry) => entry.reused === undefined && !entry.stored);
  const made = await layOut(
    input,
    missing.map((entry) => entry.page),
  );
  const byEntry = new Map(missing.map((entry, i) => [entry, made[i]]));
  return keyed.map((entry) => {
    const fresh = byEntry.get(entry);
    return { ...entry, bytes: fresh ?? entry.stored, fresh: fresh !== undefined };
  });
}
