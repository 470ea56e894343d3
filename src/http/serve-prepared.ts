import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Encoded, PreparedResponse } from '../render/prepared-response.js';

type Coding = 'br' | 'gzip' | 'identity';

/** Parses Accept-Encoding (`gzip, br;q=0.8, *;q=0`) into the codings a client accepts. */
export function acceptedCodings(header: string | undefined): Set<Coding> {
  const accepted = new Set<Coding>(['identity']);
  if (!header) return accepted;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const quality = q === undefined ? 1 : Number(q);
    if (Number.isNaN(quality)) continue;
    const names: Coding[] =
      name === '*' ? ['br', 'gzip'] : name === 'br' || name === 'gzip' ? [name] : [];
    for (const coding of names) {
      if (quality > 0) accepted.add(coding);
      else accepted.delete(coding);
    }
  }
  return accepted;
}

function choose(
  prepared: PreparedResponse,
  header: string | undefined,
): { coding: Coding; encoded: Encoded } {
  if (!prepared.br && !prepared.gzip) return { coding: 'identity', encoded: prepared.identity };
  const accepted = acceptedCodings(header);
  if (prepared.br && accepted.has('br')) return { coding: 'br', encoded: prepared.br };
  if (prepared.gzip && accepted.has('gzip')) return { coding: 'gzip', encoded: prepared.gzip };
  return { coding: 'identity', encoded: prepared.identity };
}

function matchesAny(ifNoneMatch: string, prepared: PreparedResponse): boolean {
  const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes('*')) return true;
  // Weak comparison (RFC 9110 13.1.2): any representation of this content is still fresh.
  const known = [prepared.identity.etag, prepared.gzip?.etag, prepared.br?.etag];
  return tags.some((tag) => known.includes(tag));
}

/** Writes a prepared response: content negotiation, 304 and HEAD, from bytes computed at load. */
export function servePrepared(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
): void {
  const { coding, encoded } = choose(prepared, req.headers['accept-encoding']);
  for (const [name, value] of prepared.headers) res.setHeader(name, value);
  res.setHeader('ETag', encoded.etag);
  const ifNoneMatch = req.headers['if-none-match'];
  if (prepared.status === 200 && ifNoneMatch && matchesAny(ifNoneMatch, prepared)) {
    res.statusCode = 304;
    res.removeHeader('Content-Type');
    res.end();
    return;
  }
  res.statusCode = prepared.status;
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding);
  res.setHeader('Content-Length', encoded.body.length);
  res.end(req.method === 'HEAD' ? undefined : encoded.body);
}
