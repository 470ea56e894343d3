import { createHash } from 'node:crypto';
import type { Page } from '../pages/view-model.js';
import { RenderError } from '../render/render-site.js';
import type { Views } from '../render/views.js';
import type { WorkerTask } from './build-worker.js';
import type { Memo } from './memo.js';

/** A page's view model and the hash of everything it shows (see pageKey). */
export interface KeyedPage {
  readonly page: Page;
  readonly key: string;
}

export interface ViewsStageInput<Prepared> {
  readonly pages: readonly KeyedPage[];
  /** A hash of every template: a change lays every page out again. */
  readonly templatesKey: string;
  readonly viewsDir: string;
  /** Last builds' responses by page key: a page whose view model is unchanged is not laid out. */
  readonly memo: Memo<Prepared>;
  /** Lays pages out on the worker pool; the HTML comes back as transferred UTF-8 bytes. */
  readonly renderMany: ((task: WorkerTask) => Promise<Uint8Array[]>) | undefined;
  readonly views: () => Views;
}

export interface LaidOut<Prepared> {
  readonly page: Page;
  readonly key: string;
  /** The last build's response, when the view model is the same. */
  readonly reused: Prepared | undefined;
  /** The new HTML, UTF-8, when it is not. */
  readonly body: Buffer | undefined;
}

const PAGES_PER_TASK = 32;

/**
 * The hash of everything a page shows. Bodies are named by their render key instead of being
 * hashed again: hashing every page's HTML after each save would cost more than the save's render.
 */
export function pageKey(page: Page, templatesKey: string, bodyKeys: ReadonlyMap<string, string>) {
  const json = JSON.stringify(page, (name, value: unknown) =>
    (name === 'html' || name === 'introHtml') && typeof value === 'string'
      ? (bodyKeys.get(value) ?? value)
      : value,
  );
  return createHash('sha1').update(templatesKey).update(json).digest('base64url');
}

function renderHere(views: Views, page: Page): string {
  try {
    return views.render(page);
  } catch (error) {
    // A template that fails for one page is a broken site: it stops the start, never serves half.
    throw new RenderError(page.url, error);
  }
}

async function layOut<P>(input: ViewsStageInput<P>, pages: readonly Page[]): Promise<Buffer[]> {
  const { renderMany } = input;
  if (!renderMany || pages.length < PAGES_PER_TASK * 2) {
    const views = input.views();
    return pages.map((page) => Buffer.from(renderHere(views, page), 'utf8'));
  }
  const tasks: Promise<Uint8Array[]>[] = [];
  for (let at = 0; at < pages.length; at += PAGES_PER_TASK) {
    const batch = pages.slice(at, at + PAGES_PER_TASK);
    tasks.push(
      renderMany({
        type: 'views',
        viewsDir: input.viewsDir,
        templatesKey: input.templatesKey,
        pages: batch,
      }),
    );
  }
  const laidOut = (await Promise.all(tasks)).flat();
  return laidOut.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The views stage: each page's view model -> its HTML, for the pages whose model changed. */
export async function viewsStage<P>(input: ViewsStageInput<P>): Promise<LaidOut<P>[]> {
  const keyed = input.pages.map(({ page, key }) => ({ page, key, reused: input.memo.get(key) }));
  const changed = keyed.filter((entry) => entry.reused === undefined);
  const bodies = await layOut(
    input,
    changed.map((entry) => entry.page),
  );
  const byPage = new Map(changed.map((entry, i) => [entry, bodies[i]]));
  return keyed.map((entry) => ({ ...entry, body: byPage.get(entry) }));
}
