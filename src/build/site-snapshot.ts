import { open, readFile, rename } from 'node:fs/promises';
import {
  prepareResponse,
  type Coding,
  type HeaderList,
  type PreparedResponse,
} from '../render/prepared-response.js';
import type { RenderedSite } from '../render/render-site.js';

/**
 * The rendered site as one file, so that `npm start` builds once and every server process reads
 * the result instead of building it again: a JSON table of contents, then every body.
 */
type Span = readonly [offset: number, length: number];

interface Entry {
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly hash: string;
  readonly identity: Span;
  readonly compressed: Partial<Record<Coding, Span>>;
}

interface Contents {
  readonly headers: HeaderList;
  readonly pageUrls: readonly string[];
  readonly referenceToken: string;
  readonly responses: readonly (readonly [string, Entry])[];
  readonly statusPages: readonly (readonly [number, Entry])[];
}

function entryOf(response: PreparedResponse, bodies: Buffer[], at: { offset: number }): Entry {
  const span = (body: Buffer): Span => {
    bodies.push(body);
    const result: Span = [at.offset, body.length];
    at.offset += body.length;
    return result;
  };
  const compressed: Partial<Record<Coding, Span>> = {};
  for (const coding of response.codings) {
    const encoded = response.peek(coding);
    if (encoded) compressed[coding] = span(encoded.body);
  }
  return {
    status: response.status,
    contentType: response.contentType,
    cacheControl: response.cacheControl,
    hash: (response.etags[0] ?? '').replaceAll('"', ''),
    identity: span(response.identity.body),
    compressed,
  };
}

export async function writeSnapshot(
  site: RenderedSite,
  headers: HeaderList,
  file: string,
): Promise<void> {
  const bodies: Buffer[] = [];
  const at = { offset: 0 };
  const contents: Contents = {
    headers,
    pageUrls: site.pageUrls,
    referenceToken: site.referenceToken,
    responses: [...site.responses].map(([url, r]) => [url, entryOf(r, bodies, at)] as const),
    statusPages: [...site.statusPages].map(([s, r]) => [s, entryOf(r, bodies, at)] as const),
  };
  const toc = Buffer.from(JSON.stringify(contents), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(toc.length);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writev([length, toc, ...bodies]);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

function responseOf(entry: Entry, headers: HeaderList, bodies: Buffer): PreparedResponse {
  const slice = ([offset, length]: Span) => bodies.subarray(offset, offset + length);
  const compressed: Partial<Record<Coding, Buffer>> = {};
  for (const [coding, span] of Object.entries(entry.compressed) as [Coding, Span][])
    compressed[coding] = slice(span);
  return prepareResponse({
    status: entry.status,
    contentType: entry.contentType,
    cacheControl: entry.cacheControl,
    headers,
    body: slice(entry.identity),
    compressed,
    bodyHash: entry.hash,
  });
}

/** The site a primary wrote for its server processes. */
export async function readSnapshot(file: string): Promise<RenderedSite> {
  const bytes = await readFile(file);
  const tocLength = bytes.readUInt32LE(0);
  const contents = JSON.parse(bytes.toString('utf8', 4, 4 + tocLength)) as Contents;
  const bodies = bytes.subarray(4 + tocLength);
  const { headers } = contents;
  return {
    pageUrls: contents.pageUrls,
    referenceToken: contents.referenceToken,
    responses: new Map(contents.responses.map(([url, e]) => [url, responseOf(e, headers, bodies)])),
    statusPages: new Map(
      contents.statusPages.map(([status, e]) => [status, responseOf(e, headers, bodies)]),
    ),
  };
}
