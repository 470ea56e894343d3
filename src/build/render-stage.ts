import { createHash } from 'node:crypto';
import type { MarkdownIt } from 'markdown-it';
import type { ContentIndex } from '../content/content-index.js';
import {
  lookupsHold,
  renderDocument,
  type MarkdownSource,
  type RenderedDocument,
} from '../content/render-document.js';
import type { WorkerTask } from './build-worker.js';
import type { CachePack } from './disk-cache.js';
import type { Memo } from './memo.js';

/** A rendered body and the hash of what it was rendered from. */
export interface KeyedDocument {
  readonly key: string;
  readonly document: RenderedDocument;
  /** The index its lookups were last checked against: the same index needs no check. */
  readonly indexKey: string;
}

export interface RenderStageInput {
  readonly sources: readonly MarkdownSource[];
  readonly index: ContentIndex;
  readonly memo: Memo<KeyedDocument>;
  readonly pack: CachePack | undefined;
  /** Renders on the worker pool; undefined renders here. */
  readonly renderMany: ((task: WorkerTask) => Promise<RenderedDocument[]>) | undefined;
  readonly markdown: () => MarkdownIt;
}

export interface RenderStageResult {
  readonly documents: ReadonlyMap<string, KeyedDocument>;
  readonly rendered: number;
  readonly fromDisk: number;
}

// Big enough that a message's overhead is small beside the work, small enough to share it evenly.
const SOURCES_PER_TASK = 48;

// Lectern's code and the Markdown packages are not in the key: the disk cache is kept per
// version of them (see codeKeyOf), and in memory they do not change.
function keyOf(source: MarkdownSource): string {
  return createHash('sha1').update(`${source.relative}\0${source.hash}`).digest('hex');
}

/** Which pages and assets exist, at what URLs and sizes: all that a lookup can answer from. */
export function indexKey(index: ContentIndex): string {
  const hash = createHash('sha1');
  for (const [file, url] of index.pages) hash.update(`${file}\0${url}\n`);
  for (const [file, asset] of index.assets)
    hash.update(`${file}\0${asset.url}\0${asset.width}x${asset.height}\n`);
  return hash.digest('hex');
}

function fromPack(pack: CachePack | undefined, key: string): RenderedDocument | undefined {
  const bytes = pack?.get(key);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as RenderedDocument;
  } catch {
    return undefined;
  }
}

async function renderMissing(input: RenderStageInput, missing: readonly MarkdownSource[]) {
  const { renderMany } = input;
  if (!renderMany || missing.length < SOURCES_PER_TASK) {
    const markdown = input.markdown();
    return missing.map((source) => renderDocument(markdown, input.index, source));
  }
  const tasks: Promise<RenderedDocument[]>[] = [];
  for (let at = 0; at < missing.length; at += SOURCES_PER_TASK)
    tasks.push(renderMany({ type: 'render', sources: missing.slice(at, at + SOURCES_PER_TASK) }));
  return (await Promise.all(tasks)).flat();
}

/**
 * The render stage: every Markdown body -> HTML. A body is rendered again only when its text or
 * place changed, or when a link or image it names now resolves differently (a chapter renamed,
 * deleted or added); otherwise the last render is reused, from memory or from the disk cache.
 */
export async function renderStage(input: RenderStageInput): Promise<RenderStageResult> {
  const documents = new Map<string, KeyedDocument>();
  const missing: { source: MarkdownSource; key: string }[] = [];
  const currentIndex = indexKey(input.index);
  let fromDisk = 0;
  for (const source of input.sources) {
    const key = keyOf(source);
    const remembered = input.memo.get(key);
    if (remembered?.indexKey === currentIndex) {
      documents.set(source.relative, remembered);
      input.memo.set(key, remembered);
      continue;
    }
    const stored = remembered?.document ?? fromPack(input.pack, key);
    if (stored && lookupsHold(stored, input.index)) {
      if (!remembered) fromDisk++;
      const entry = { key, document: stored, indexKey: currentIndex };
      documents.set(source.relative, entry);
      input.memo.set(key, entry);
    } else missing.push({ source, key });
  }
  const rendered = await renderMissing(
    input,
    missing.map((m) => m.source),
  );
  rendered.forEach((document, i) => {
    const { key } = missing[i]!;
    const entry = { key, document, indexKey: currentIndex };
    documents.set(document.relative, entry);
    input.memo.set(key, entry);
    input.pack?.put(key, Buffer.from(JSON.stringify(document), 'utf8'));
  });
  return { documents, rendered: rendered.length, fromDisk };
}
