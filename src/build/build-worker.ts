import { parentPort } from 'node:worker_threads';
import type { ContentIndex } from '../content/content-index.js';
import { renderDocument, type MarkdownSource } from '../content/render-document.js';
import { createMarkdown } from '../markdown/create-markdown.js';
import type { Page } from '../pages/view-model.js';
import type { Locale } from '../i18n/messages.js';
import { pageBytes, transferablesOf, type PageBytes } from '../render/page-bytes.js';
import { RenderError } from '../render/render-site.js';
import { createViews, type Views } from '../render/views.js';
import { renderShareCard } from '../render/share-card.js';

/** What the pipeline asks of a worker: the costly stages that are pure functions of their input. */
export type WorkerTask =
  | { readonly type: 'render'; readonly sources: readonly MarkdownSource[] }
  | {
      readonly type: 'views';
      readonly viewsDir: string;
      /** Changes when a template or a locale does: the worker then compiles them again. */
      readonly templatesKey: string;
      readonly locales: readonly Locale[];
      readonly pages: readonly Page[];
    }
  | { readonly type: 'share'; readonly svgs: readonly string[]; readonly fonts: readonly string[] };

/** Sent to every worker before the renders that read it. */
export interface IndexMessage {
  readonly type: 'index';
  readonly index: ContentIndex;
}

/** The bytes of laid-out pages, handed over with the reply instead of copied. */
function transferables(value: unknown): ArrayBuffer[] {
  if (!Array.isArray(value)) return [];
  return transferablesOf(value.filter((item): item is PageBytes => 'identity' in item));
}

function serve(port: NonNullable<typeof parentPort>): void {
  const markdown = createMarkdown();
  let index: ContentIndex | undefined;
  let views: { key: string; views: Views } | undefined;
  const viewsFor = (dir: string, key: string, locales: readonly Locale[]) => {
    if (views?.key !== key) views = { key, views: createViews(dir, locales) };
    return views.views;
  };
  const run = (task: WorkerTask): unknown => {
    if (task.type === 'render') {
      if (!index) throw new Error('No content index was sent before rendering');
      const current = index;
      return task.sources.map((source) => renderDocument(markdown, current, source));
    }
    if (task.type === 'share') return task.svgs.map((svg) => renderShareCard(svg, task.fonts));
    const compiled = viewsFor(task.viewsDir, task.templatesKey, task.locales);
    // The respond stage's costly half (compression) runs here too, beside the layout.
    return task.pages.map((page) => {
      try {
        return pageBytes(compiled.render(page));
      } catch (error) {
        throw new RenderError(page.url, error);
      }
    });
  };
  port.on('message', (message: { broadcast?: IndexMessage; task?: WorkerTask }) => {
    if (message.broadcast) {
      index = message.broadcast.index;
      return;
    }
    try {
      const value = run(message.task!);
      port.postMessage({ ok: true, value }, transferables(value));
    } catch (error) {
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  });
}

if (parentPort) serve(parentPort);
