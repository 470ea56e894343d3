import { bodyHash, codingsFor, compressSync, type Coding } from './prepared-response.js';

export const HTML = 'text/html; charset=utf-8';

/** A laid-out page as the respond stage makes it: its bytes, their hash, compressed forms. */
export interface PageBytes {
  readonly hash: string;
  readonly identity: Uint8Array;
  readonly br: Uint8Array | undefined;
  readonly gzip: Uint8Array | undefined;
}

/** Bytes of their own, so that they can be moved to another thread rather than copied. */
function own(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return new Uint8Array(bytes);
}

/** HTML -> the bytes of its response: what a worker does after laying the page out. */
export function pageBytes(html: string): PageBytes {
  const identity = Buffer.from(html, 'utf8');
  const codings = codingsFor(HTML, identity.length);
  const compressed = (coding: Coding) =>
    codings.includes(coding) ? own(compressSync(coding, identity)) : undefined;
  return {
    hash: bodyHash(identity),
    identity: own(identity),
    br: compressed('br'),
    gzip: compressed('gzip'),
  };
}

export function transferablesOf(pages: readonly PageBytes[]): ArrayBuffer[] {
  return pages.flatMap((page) =>
    [page.identity, page.br, page.gzip].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : [])),
  );
}

/** For the disk cache: the hash, then each body with its length (0 for a coding it lacks). */
export function encodePageBytes(page: PageBytes): Buffer {
  const hash = Buffer.from(page.hash, 'utf8');
  const parts = [page.identity, page.br, page.gzip];
  const head = Buffer.alloc(1 + hash.length + 12);
  head.writeUInt8(hash.length, 0);
  hash.copy(head, 1);
  parts.forEach((part, i) => head.writeUInt32LE(part?.length ?? 0, 1 + hash.length + i * 4));
  return Buffer.concat([head, ...parts.flatMap((part) => (part ? [part] : []))]);
}

export function decodePageBytes(bytes: Buffer): PageBytes | undefined {
  const hashLength = bytes.readUInt8(0);
  const lengthsAt = 1 + hashLength;
  if (bytes.length < lengthsAt + 12) return undefined;
  const lengths = [0, 1, 2].map((i) => bytes.readUInt32LE(lengthsAt + i * 4));
  let at = lengthsAt + 12;
  const [identity, br, gzip] = lengths.map((length) => {
    const part = length === 0 ? undefined : bytes.subarray(at, at + length);
    at += length;
    return part;
  });
  if (at !== bytes.length || !identity) return undefined;
  return { hash: bytes.toString('utf8', 1, lengthsAt), identity, br, gzip };
}
