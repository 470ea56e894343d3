import type { IncomingMessage } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isSearchUrl } from '../content/urls.js';
import { statusResponse } from '../render/render-site.js';
import { canonicalUrl } from './canonical-url.js';
import { servePrepared } from './serve-prepared.js';
import { serveServerError } from './server-error.js';
import type { SiteHolder } from './site-holder.js';

const READ_METHODS = new Set(['GET', 'HEAD']);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The error page in the language of the path asked for (see statusResponse). */
export function statusPage(holder: SiteHolder, status: number, path?: string) {
  return statusResponse(holder.current().statusPages, status, path);
}

/**
 * The prepared page or asset a GET or HEAD asks for; query strings never make a new page, but
 * for search's, which Express answers (the prepared search page is the export's).
 */
export function lookupPrepared(
  holder: SiteHolder,
  method: string | undefined,
  url: string | undefined,
) {
  if (!method || !READ_METHODS.has(method)) return undefined;
  const path = pathOf(url ?? '/');
  return isSearchUrl(path) ? undefined : holder.current().responses.get(path);
}

/**
 * HTTP/1.1 requires a Host header (RFC 9112, 3.2). Node's own check would answer a bare 400
 * without the security headers, so the server turns it off and the listener answers instead.
 */
export function lacksHost(req: IncomingMessage): boolean {
  return req.headers.host === undefined && req.httpVersion === '1.1';
}

/** `/courses/%E0%A4%A` is not a path any page could have: 400, not a 404 nor a 500. */
export function rejectMalformedPaths(holder: SiteHolder): RequestHandler {
  return function rejectMalformedPathsMiddleware(req, res, next) {
    try {
      decodeURIComponent(pathOf(req.url));
    } catch {
      servePrepared(req, res, statusPage(holder, 400));
      return;
    }
    next();
  };
}

/**
 * The site is read-only: anything but GET and HEAD is 405, whatever the path. OPTIONS too: no
 * cross-origin use is offered (no CORS headers, CORP same-origin), so a 204 would only add a
 * second list of methods to keep true; 405 with Allow is what RFC 9110 asks of any method a
 * resource does not support.
 */
export function readOnly(holder: SiteHolder): RequestHandler {
  return function readOnlyMiddleware(req, res, next) {
    if (READ_METHODS.has(req.method)) return next();
    res.setHeader('Allow', 'GET, HEAD');
    servePrepared(req, res, statusPage(holder, 405, req.path));
  };
}

export function redirectToCanonical(holder: SiteHolder): RequestHandler {
  return function redirectToCanonicalMiddleware(req, res, next) {
    const target = canonicalUrl(pathOf(req.url), (url) => holder.current().responses.has(url));
    if (!target) return next();
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.redirect(301, target);
  };
}

export function notFound(holder: SiteHolder): RequestHandler {
  return function notFoundMiddleware(req, res) {
    servePrepared(req, res, statusPage(holder, 404, req.path));
  };
}

function statusOf(error: unknown): number {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * The last resort: a real page, a status that tells the truth, no stack trace and no path. A 5xx
 * is the server's fault: its error goes on the request's log line (see access-log.ts) and its
 * page shows the request's id.
 */
export function errorPage(holder: SiteHolder): ErrorRequestHandler {
  return function errorPageMiddleware(error: unknown, req, res, next) {
    const status = statusOf(error);
    if (status >= 500) res.err = error instanceof Error ? error : new Error(String(error));
    if (res.headersSent) return next(error);
    if (status >= 500) serveServerError(holder, req, res);
    else servePrepared(req, res, statusPage(holder, status, req.path));
  };
}

export const HEALTH_URL = '/healthz';

/**
 * For load balancers and supervisors: 200 while this process holds a rendered site and takes
 * requests; 503 once it is stopping, so that the balancer sends new requests elsewhere while
 * those in flight finish.
 */
export function health(holder: SiteHolder, isStopping: () => boolean): RequestHandler {
  return function healthMiddleware(req, res, next) {
    if (req.path !== HEALTH_URL) return next();
    res.setHeader('Cache-Control', 'no-store');
    if (isStopping()) {
      res.status(503).type('text/plain').send('stopping\n');
      return;
    }
    res.type('text/plain').send(`ok: ${holder.current().pageUrls.length} pages\n`);
  };
}
