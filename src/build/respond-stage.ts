import type { Page } from '../pages/view-model.js';
import {
  bodyHash,
  codingsFor,
  compress,
  COMPRESSION_KEY,
  prepareResponse,
  type Coding,
  type HeaderList,
  type PreparedResponse,
} from '../render/prepared-response.js';
import { CACHE_NONE, CACHE_PAGE } from '../render/render-site.js';
import type { CachePack } from './disk-cache.js';
import type { Memo } from './memo.js';
import type { LaidOut } from './views-stage.js';

const HTML = 'text/html; charset=utf-8';

export interface RespondStageInput {
  readonly laidOut: readonly LaidOut<PreparedResponse>[];
  readonly headers: HeaderList;
  readonly memo: Memo<PreparedResponse>;
  readonly pack: CachePack | undefined;
  /** Counts what was compressed, and what came from the disk cache. */
  readonly stats: { compressed: number; compressedFromDisk: number };
}

// Enough compressions under way to keep libuv's threads busy, few enough to bound the buffers.
const AT_ONCE = 16;

async function compressed(
  body: Buffer,
  codings: readonly Coding[],
  input: RespondStageInput,
): Promise<Partial<Record<Coding, Buffer>>> {
  const { pack, stats } = input;
  const hash = bodyHash(body);
  const result: Partial<Record<Coding, Buffer>> = {};
  for (const coding of codings) {
    const key = `${hash}\0${coding}\0${COMPRESSION_KEY}`;
    let bytes = pack?.get(key);
    if (bytes) stats.compressedFromDisk++;
    else {
      bytes = await compress(coding, body);
      stats.compressed++;
      pack?.put(key, bytes);
    }
    result[coding] = bytes;
  }
  return result;
}

async function respondOne(page: Page, body: Buffer, input: RespondStageInput) {
  return prepareResponse({
    status: page.status,
    contentType: HTML,
    body,
    cacheControl: page.status === 200 ? CACHE_PAGE : CACHE_NONE,
    headers: input.headers,
    compressed: await compressed(body, codingsFor(HTML, body.length), input),
  });
}

/**
 * The respond stage: each new page's HTML -> a prepared response (bytes, ETags, headers, and its
 * brotli and gzip bodies, from the disk cache when the same bytes were compressed before). A
 * page laid out as before keeps the response it had.
 */
export async function respondStage(input: RespondStageInput): Promise<PreparedResponse[]> {
  input.stats.compressed = 0;
  input.stats.compressedFromDisk = 0;
  const responses = new Array<PreparedResponse>(input.laidOut.length);
  let next = 0;
  const worker = async () => {
    while (next < input.laidOut.length) {
      const at = next++;
      const { page, key, reused, body } = input.laidOut[at]!;
      const response = reused ?? (await respondOne(page, body ?? Buffer.alloc(0), input));
      input.memo.set(key, response);
      responses[at] = response;
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return responses;
}
