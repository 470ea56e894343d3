import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import type { ContentProblem } from '../content/content-problem.js';
import {
  prepareResponse,
  type Coding,
  type HeaderList,
  type PreparedResponse,
} from '../render/prepared-response.js';
import type { RenderedSite } from '../render/render-site.js';
import type { ServedSearch } from '../search/served-search.js';
import { STATIC_INDEX_URL } from '../search/static-index.js';

/**
 * The rendered site as one file: `npm start` builds once and every server process reads the
 * result, and a build whose inputs are all unchanged reads the last one instead of building.
 * A magic line, a checksum of the rest, the length of a JSON table of contents, the table, then
 * every body. A file that does not verify is not read.
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

/** What a build says besides its responses. */
export interface SnapshotMeta {
  readonly siteUrl: string;
  readonly warnings: readonly ContentProblem[];
}

const MAGIC = Buffer.from('LECTERN-SITE-1\n');
const CHECKSUM_BYTES = 20;

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

interface Contents {
  readonly meta: SnapshotMeta;
  readonly headers: HeaderList;
  readonly pageUrls: readonly string[];
  readonly referenceToken: string;
  readonly responses: readonly (readonly [string, Entry])[];
  readonly statusPages: readonly (readonly [string, Entry])[];
  /** What search answers from, without the index: each server process makes its own. */
  readonly search: Omit<ServedSearch, 'index'> | undefined;
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

/**
 * The index goes in serialised: every server process loads it instead of indexing again. The
 * documents stay out when the static index's page files (in the responses) hold them.
 */
function withoutIndex(site: RenderedSite, { index, ...search }: ServedSearch) {
  const held = site.responses.has(STATIC_INDEX_URL);
  const kept: Omit<ServedSearch, 'index'> = held ? { ...search, documents: [] } : search;
  return index ? { ...kept, serialized: JSON.stringify(index.miniSearch) } : kept;
}

export async function writeSnapshot(
  site: RenderedSite,
  headers: HeaderList,
  meta: SnapshotMeta,
  file: string,
): Promise<void> {
  const bodies: Buffer[] = [];
  const at = { offset: 0 };
  const contents: Contents = {
    meta,
    headers,
    pageUrls: site.pageUrls,
    referenceToken: site.referenceToken,
    responses: [...site.responses].map(([url, r]) => [url, entryOf(r, bodies, at)] as const),
    statusPages: [...site.statusPages].map(([s, r]) => [s, entryOf(r, bodies, at)] as const),
    search: site.search && withoutIndex(site, site.search),
  };
  const toc = Buffer.from(JSON.stringify(contents), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(toc.length);
  const checksum = createHash('sha1').update(length).update(toc);
  for (const body of bodies) checksum.update(body);
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writev([MAGIC, checksum.digest(), length, toc, ...bodies]);
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

function verified(bytes: Buffer): Buffer {
  const start = MAGIC.length + CHECKSUM_BYTES;
  if (bytes.length < start + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SnapshotError('not a site snapshot of this version');
  const rest = bytes.subarray(start);
  const expected = bytes.subarray(MAGIC.length, start);
  if (!createHash('sha1').update(rest).digest().equals(expected))
    throw new SnapshotError('the file is damaged (its checksum does not match)');
  return rest;
}

/** A site written by writeSnapshot; throws a SnapshotError for a file that does not verify. */
export async function readSnapshot(
  file: string,
): Promise<{ rendered: RenderedSite; meta: SnapshotMeta }> {
  const bytes = verified(await readFile(file));
  const tocLength = bytes.readUInt32LE(0);
  const contents = JSON.parse(bytes.toString('utf8', 4, 4 + tocLength)) as Contents;
  const bodies = bytes.subarray(4 + tocLength);
  const { headers } = contents;
  return { meta: contents.meta, rendered: {
    pageUrls: contents.pageUrls,
    referenceToken: contents.referenceToken,
    responses: new Map(contents.responses.map(([url, e]) => [url, responseOf(e, headers, bodies)])),
    statusPages: new Map(
      contents.statusPages.map(([status, e]) => [status, responseOf(e, headers, bodies)]),
    ),
    search: contents.search,
  } };
}

/**
 * What a snapshot says, after checking the whole file against its checksum without holding it
 * (a stream): for `npm start`'s first process, which hands the file to the others unread.
 */
export async function readSnapshotMeta(file: string): Promise<SnapshotMeta> {
  const start = MAGIC.length + CHECKSUM_BYTES;
  const hash = createHash('sha1');
  const head: Buffer[] = [];
  let seen = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    if (seen < start) head.push(bytes.subarray(0, start - seen));
    hash.update(seen >= start ? bytes : bytes.subarray(Math.min(bytes.length, start - seen)));
    seen += bytes.length;
  }
  const prefix = Buffer.concat(head);
  if (prefix.length < start || !prefix.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SnapshotError('not a site snapshot of this version');
  if (!hash.digest().equals(prefix.subarray(MAGIC.length, start)))
    throw new SnapshotError('the file is damaged (its checksum does not match)');
  const handle = await open(file, 'r');
  try {
    const length = Buffer.alloc(4);
    await handle.read(length, 0, 4, start);
    const toc = Buffer.alloc(length.readUInt32LE(0));
    await handle.read(toc, 0, toc.length, start + 4);
    return (JSON.parse(toc.toString('utf8')) as Contents).meta;
  } finally {
    await handle.close();
  }
}
