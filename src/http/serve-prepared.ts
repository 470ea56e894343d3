import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Coding, Encoded, PreparedResponse } from '../render/prepared-response.js';
import { REQUEST_ID_HEADER } from './request-id.js';

type Accepted = Coding | 'identity';

/** Parses Accept-Encoding (`gzip, br;q=0.8, *;q=0`) into the codings a client accepts. */
export function acceptedCodings(header: string | undefined): Set<Accepted> {
  const accepted = new Set<Accepted>(['identity']);
  if (!header) return accepted;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const quality = q === undefined ? 1 : Number(q);
    if (Number.isNaN(quality)) continue;
    const names: Accepted[] =
      name === '*' ? ['br', 'gzip'] : name === 'br' || name === 'gzip' ? [name] : [];
    for (const coding of names) {
      if (quality > 0) accepted.add(coding);
      else accepted.delete(coding);
    }
  }
  return accepted;
}

const BR = /(?:^|[\s,])br(?:$|[\s,])/i;
const GZIP = /(?:^|[\s,])gzip(?:$|[\s,])/i;

/**
 * What browsers send (`gzip, deflate, br, zstd`) has no weights and no wildcard: answered by
 * two tests instead of a parse, on every request of the fast path.
 */
function accepts(header: string | undefined, coding: Coding): boolean {
  if (header === undefined) return false;
  if (header.includes(';') || header.includes('*')) return acceptedCodings(header).has(coding);
  return (coding === 'br' ? BR : GZIP).test(header);
}

function choose(
  prepared: PreparedResponse,
  header: string | undefined,
): { coding: Coding | 'identity'; encoded: Encoded } {
  if (prepared.codings.length === 0) return { coding: 'identity', encoded: prepared.identity };
  const coding = prepared.codings.find((candidate) => accepts(header, candidate));
  return coding
    ? { coding, encoded: prepared.encoded(coding) }
    : { coding: 'identity', encoded: prepared.identity };
}

function matchesAny(ifNoneMatch: string, prepared: PreparedResponse): boolean {
  const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  // Weak comparison (RFC 9110 13.1.2): any representation of this content is still fresh.
  return tags.includes('*') || tags.some((tag) => prepared.etags.includes(tag));
}

/**
 * Writes a prepared response: content negotiation, 304 and HEAD, from bytes and headers computed
 * at load. `requestId` is given on the fast path, where no header has been set yet: then every
 * header goes out in one writeHead call.
 */
export function servePrepared(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
  requestId?: string,
): void {
  const { encoded } = choose(prepared, req.headers['accept-encoding']);
  const ifNoneMatch = req.headers['if-none-match'];
  const notModified =
    prepared.status === 200 && ifNoneMatch !== undefined && matchesAny(ifNoneMatch, prepared);
  const head = notModified ? encoded.notModifiedHead : encoded.head;
  // writeHead only reads the list; a copy is made only to add the request id.
  const headers = requestId === undefined ? head : [...head, REQUEST_ID_HEADER, requestId];
  res.writeHead(notModified ? 304 : prepared.status, headers as string[]);
  res.end(notModified || req.method === 'HEAD' ? undefined : encoded.body);
}
