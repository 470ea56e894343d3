import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type HeaderList = readonly (readonly [string, string])[];
export type Coding = 'br' | 'gzip';

export interface Encoded {
  readonly body: Buffer;
  readonly etag: string;
  /** Every header of a full response, flat (name, value, ...) for one writeHead call. */
  readonly head: readonly string[];
  /** The same for a 304: no body, so no Content-Type or Content-Length. */
  readonly notModifiedHead: readonly string[];
}

/**
 * A response computed once: body, strong ETags and every header when the site is built. A page's
 * compressed bodies come with it (the views stage makes them on a worker); another response's
 * are made the first time a client asks for them, then kept. Serving it is a lookup and a write.
 */
export interface PreparedResponse {
  readonly status: number;
  readonly contentType: string;
  readonly cacheControl: string;
  readonly headers: HeaderList;
  readonly identity: Encoded;
  /** The codings this response has (none for small or already-compressed bodies). */
  readonly codings: readonly Coding[];
  /** Every ETag this content can carry, whatever the coding: for If-None-Match. */
  readonly etags: readonly string[];
  encoded(coding: Coding): Encoded;
  /** The compressed form if it has been computed, without computing it. */
  peek(coding: Coding): Encoded | undefined;
}

export interface PrepareOptions {
  readonly status?: number;
  readonly contentType: string;
  readonly body: Buffer | string;
  readonly cacheControl: string;
  readonly headers: HeaderList;
  /** Compressed bodies computed already (the respond stage, a snapshot): not computed again. */
  readonly compressed?: Partial<Record<Coding, Buffer>>;
  /** bodyHash(body), when it is known already (a snapshot written by this process's primary). */
  readonly bodyHash?: string;
}

// Compressing costs more than it saves below about a packet.
const MIN_COMPRESSIBLE_BYTES = 1024;
const COMPRESSIBLE =
  /^(text\/|application\/(javascript|json|xml|ld\+json|manifest\+json)|image\/svg\+xml)/;
// Measured on a chapter page: brotli quality 5 is within 1 % of quality 9 in size at a
// fifteenth of the time (0.7 ms against 10 ms); 11 saves 15 % more at 33 ms a page.
const BROTLI_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
// gzip is for the few clients without brotli: level 1, as nginx's gzip_comp_level defaults to,
// is 10 % larger than 6 on a chapter page at half its time (0.26 against 0.55 ms).
const GZIP_OPTIONS = { level: 1 };
const COMPRESSORS: Readonly<Record<Coding, (body: Buffer) => Buffer>> = {
  br: (body) => brotliCompressSync(body, BROTLI_OPTIONS),
  gzip: (body) => gzipSync(body, GZIP_OPTIONS),
};
const SUFFIXES: Readonly<Record<Coding, string>> = { br: '-br', gzip: '-gz' };

/** What changes a compressed body besides the bytes it compresses: part of its cache key. */
export const COMPRESSION_KEY = [
  `br:${BROTLI_OPTIONS.params[constants.BROTLI_PARAM_QUALITY]}`,
  `gzip:${GZIP_OPTIONS.level}`,
  // Another zlib or brotli may compress the same bytes differently: the export stays reproducible.
  `zlib:${process.versions.zlib}`,
  `brotli:${process.versions.brotli}`,
].join(' ');

/** The codings a body gets: none for small or already-compressed ones. */
export function codingsFor(contentType: string, bytes: number): Coding[] {
  return COMPRESSIBLE.test(contentType) && bytes >= MIN_COMPRESSIBLE_BYTES ? ['br', 'gzip'] : [];
}

/** Compresses here, blocking: for a worker thread, whose blocking is the point. */
export function compressSync(coding: Coding, body: Buffer): Buffer {
  return COMPRESSORS[coding](body);
}

/** The strong validator of a body's bytes; its compressed forms add a suffix. */
export function bodyHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 22);
}

/** The headers every coding of a response shares, flat, split once per response. */
interface HeadParts {
  /** Every header but Content-Type (a 304 has no body, so no type). */
  readonly common: readonly string[];
  readonly contentType: readonly string[];
}

function headParts(headers: HeaderList): HeadParts {
  const common: string[] = [];
  const contentType: string[] = [];
  for (const [name, value] of headers)
    (name === 'Content-Type' ? contentType : common).push(name, value);
  return { common, contentType };
}

// Headers written in one writeHead call: Node's setHeader per header costs the fast path dearly.
function encodedWith(
  parts: HeadParts,
  body: Buffer,
  etag: string,
  coding: Coding | undefined,
): Encoded {
  const tail = coding
    ? ['ETag', etag, 'Content-Encoding', coding, 'Content-Length', String(body.length)]
    : ['ETag', etag, 'Content-Length', String(body.length)];
  return {
    body,
    etag,
    head: parts.common.concat(parts.contentType, tail),
    notModifiedHead: parts.common.concat('ETag', etag),
  };
}

export function prepareResponse(options: PrepareOptions): PreparedResponse {
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const hash = options.bodyHash ?? bodyHash(body);
  const codings = codingsFor(options.contentType, body.length);
  const cache = new Map<Coding, Encoded>();
  const etagOf = (coding: Coding) => `"${hash}${SUFFIXES[coding]}"`;
  const check = (coding: Coding) => {
    if (!codings.includes(coding)) throw new Error(`This response has no ${coding} coding`);
  };
  const headers: HeaderList = [
    ...options.headers,
    ['Content-Type', options.contentType],
    ['Cache-Control', options.cacheControl],
    ...(codings.length > 0 ? [['Vary', 'Accept-Encoding'] as const] : []),
  ];
  const parts = headParts(headers);
  for (const coding of codings) {
    const compressed = options.compressed?.[coding];
    if (compressed) cache.set(coding, encodedWith(parts, compressed, etagOf(coding), coding));
  }
  return {
    status: options.status ?? 200,
    contentType: options.contentType,
    cacheControl: options.cacheControl,
    headers,
    identity: encodedWith(parts, body, `"${hash}"`, undefined),
    codings,
    etags: [`"${hash}"`, ...codings.map(etagOf)],
    peek(coding) {
      return cache.get(coding);
    },
    encoded(coding) {
      let encoded = cache.get(coding);
      if (!encoded) {
        check(coding);
        encoded = encodedWith(parts, COMPRESSORS[coding](body), etagOf(coding), coding);
        cache.set(coding, encoded);
      }
      return encoded;
    },
  };
}
