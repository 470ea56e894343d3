import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type HeaderList = readonly (readonly [string, string])[];

/**
 * A response computed once, when content is loaded: body, compressed bodies, strong ETags and
 * every header. Serving it is a lookup and a write.
 */
export interface PreparedResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly identity: Encoded;
  readonly gzip: Encoded | undefined;
  readonly br: Encoded | undefined;
}

export interface Encoded {
  readonly body: Buffer;
  readonly etag: string;
}

export interface PrepareOptions {
  readonly status?: number;
  readonly contentType: string;
  readonly body: Buffer | string;
  readonly cacheControl: string;
  readonly headers: HeaderList;
}

// Compressing costs more than it saves below about a packet.
const MIN_COMPRESSIBLE_BYTES = 1024;
const COMPRESSIBLE =
  /^(text\/|application\/(javascript|json|xml|ld\+json|manifest\+json)|image\/svg\+xml)/;
const BROTLI_OPTIONS = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 10,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

function encoded(body: Buffer, suffix: string, hash: string): Encoded {
  return { body, etag: `"${hash}${suffix}"` };
}

export function prepareResponse(options: PrepareOptions): PreparedResponse {
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const compressible =
    COMPRESSIBLE.test(options.contentType) && body.length >= MIN_COMPRESSIBLE_BYTES;
  return {
    status: options.status ?? 200,
    headers: [
      ...options.headers,
      ['Content-Type', options.contentType],
      ['Cache-Control', options.cacheControl],
      ...(compressible ? [['Vary', 'Accept-Encoding'] as const] : []),
    ],
    identity: encoded(body, '', hash),
    gzip: compressible ? encoded(gzipSync(body, { level: 9 }), '-gz', hash) : undefined,
    br: compressible ? encoded(brotliCompressSync(body, BROTLI_OPTIONS), '-br', hash) : undefined,
  };
}
