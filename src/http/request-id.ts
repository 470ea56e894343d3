import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// A proxy's id (nginx's $request_id, a load balancer's trace id) ties its logs to ours; anything
// else a client sends is not trusted: it goes into logs and onto the 500 page.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The incoming X-Request-Id when a proxy in front sets it (TRUST_REQUEST_ID=1) and it is safe
 * to repeat; else a new random one. Without a proxy, the header is the client's own, and a
 * client could give every request the id of another's to confuse the logs.
 */
export function requestIdFor(incoming: string | string[] | undefined, trusted = false): string {
  return trusted && typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID();
}

/** Gives the request its id and echoes it to the client, before anything else answers. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse, trusted = false) {
  const id = requestIdFor(req.headers['x-request-id'], trusted);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The id assigned to a request, read back from its response. */
export function requestIdOf(res: ServerResponse): string {
  const id = res.getHeader(REQUEST_ID_HEADER);
  return typeof id === 'string' ? id : 'unknown';
}
