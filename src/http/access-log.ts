import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log/logger.js';
import { requestIdOf } from './request-id.js';

const REQUEST_COMPLETED = 'request completed';

/**
 * The request headers a log line keeps: what tells one client and one visit from another. Any
 * other may carry a credential under a name no list of secrets foresees (x-api-key,
 * x-amz-security-token...), so none is logged.
 */
export const LOGGED_HEADERS = ['host', 'user-agent', 'referer', 'accept-language'] as const;

function loggedHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) if (headers[name] !== undefined) kept[name] = headers[name];
  return kept;
}

/** The path and the names of its query parameters, not their values (`?token=` stays empty). */
export function loggedUrl(url: string | undefined): string {
  if (!url) return '';
  const query = url.indexOf('?');
  if (query === -1) return url;
  const names = url
    .slice(query + 1)
    .split('&')
    .map((pair) => `${pair.split('=')[0] ?? ''}=`);
  return `${url.slice(0, query)}?${names.join('&')}`;
}

/** A client that goes away is normal traffic; a 5xx or an exception is ours to look at. */
function levelFor(_req: IncomingMessage, res: ServerResponse, error?: Error) {
  if (error || res.err || res.statusCode >= 500) return 'error';
  return res.writableEnded ? 'info' : 'debug';
}

/**
 * Access and error log lines for what Express answers (redirects, 4xx, 5xx): a few request
 * headers (LOGGED_HEADERS), status, time, and the error with its stack for a 5xx.
 */
export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => requestIdOf(res),
    customLogLevel: levelFor,
    serializers: {
      req: (req: {
        id: unknown;
        method: string;
        url: string;
        headers: Record<string, unknown>;
      }) => ({
        id: req.id,
        method: req.method,
        url: loggedUrl(req.url),
        headers: loggedHeaders(req.headers),
      }),
      // Response headers are this server's own and the same on every response.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/**
 * The access line of a prepared response: the same fields as Express's lines without the
 * per-request child logger, serializers and listeners, which would cost the fast path a good
 * part of its throughput. It is written once the response is handed to the socket.
 */
export function logPrepared(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): void {
  logger.info(
    {
      req: { id, method: req.method, url: loggedUrl(req.url) },
      res: { statusCode: res.statusCode },
    },
    REQUEST_COMPLETED,
  );
}
