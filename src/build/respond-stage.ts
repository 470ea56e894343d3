import type { Page } from '../pages/view-model.js';
import { encodePageBytes, HTML, type PageBytes } from '../render/page-bytes.js';
import {
  prepareResponse,
  type HeaderList,
  type PreparedResponse,
} from '../render/prepared-response.js';
import { CACHE_NONE, CACHE_PAGE } from '../render/render-site.js';
import type { CachePack } from './disk-cache.js';
import type { Memo } from './memo.js';
import type { LaidOut } from './views-stage.js';

export interface RespondStageInput {
  readonly laidOut: readonly LaidOut<PreparedResponse>[];
  readonly headers: HeaderList;
  readonly memo: Memo<PreparedResponse>;
  readonly pack: CachePack | undefined;
  /** Counts the pages compressed, and the pages whose bytes came from the disk cache. */
  readonly stats: { compressed: number; compressedFromDisk: number };
}

function prepared(page: Page, bytes: PageBytes, headers: HeaderList): PreparedResponse {
  const buffer = (b: Uint8Array | undefined) =>
    b && Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  return prepareResponse({
    status: page.status,
    contentType: HTML,
    body: buffer(bytes.identity)!,
    cacheControl: page.status === 200 ? CACHE_PAGE : CACHE_NONE,
    headers,
    compressed: { br: buffer(bytes.br), gzip: buffer(bytes.gzip) },
    bodyHash: bytes.hash,
  });
}

/**
 * The respond stage: each page's bytes -> a prepared response (ETags, every header, the brotli
 * and gzip bodies made beside the HTML). A page laid out as before keeps the response it had;
 * new bytes go to the disk cache under the page's key.
 */
export function respondStage(input: RespondStageInput): PreparedResponse[] {
  input.stats.compressed = 0;
  input.stats.compressedFromDisk = 0;
  return input.laidOut.map(({ page, key, reused, bytes, fresh }) => {
    if (reused) {
      input.memo.set(key, reused);
      return reused;
    }
    if (!bytes) throw new Error(`${page.url} was not laid out: the views stage missed it`);
    if (fresh) {
      input.stats.compressed++;
      input.pack?.put(key, encodePageBytes(bytes));
    } else input.stats.compressedFromDisk++;
    const response = prepared(page, bytes, input.headers);
    input.memo.set(key, response);
    return response;
  });
}
