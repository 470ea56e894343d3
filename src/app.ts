import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import {
  errorPage,
  health,
  lacksHost,
  lookupPrepared,
  notFound,
  readOnly,
  redirectToCanonical,
  rejectMalformedPaths,
  statusPage,
} from './http/handlers.js';
import { accessLog, loggedUrl, logPrepared } from './http/access-log.js';
import { assignRequestId, REQUEST_ID_HEADER, requestIdFor } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { searchHandler } from './http/search-handler.js';
import { servePrepared } from './http/serve-prepared.js';
import { serveServerError } from './http/server-error.js';
import type { SiteHolder } from './http/site-holder.js';
import { errorLogger, type Logger } from './log/logger.js';

export interface AppOptions {
  /** Access lines and errors; default: errors only, on standard error. */
  readonly logger?: Logger;
  /** True once the process has been asked to stop (the health endpoint then answers 503). */
  readonly isStopping?: () => boolean;
  /** Handlers tried after the pages and before the fallbacks (development's live reload). */
  readonly extraHandlers?: readonly RequestHandler[];
}

/**
 * The Express app for everything that is not a prepared page or asset: redirects, 4xx, errors.
 * The request listener below answers the pages and assets before Express is entered; this is
 * what it hands on. Order matters: security headers first, so that every response below carries
 * them.
 */
export function createApp(holder: SiteHolder, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  // Pages carry strong ETags computed at load; Express's per-response hashing would be wasted work.
  app.set('etag', false);
  // Whatever NODE_ENV says, Express's own last-resort handler must never print a stack trace.
  app.set('env', 'production');
  app.use(securityHeaders());
  app.use(requestId());
  app.use(accessLog(options.logger ?? errorLogger()));
  app.use(rejectMalformedPaths(holder));
  app.use(readOnly(holder));
  app.use(health(holder, options.isStopping ?? (() => false)));
  app.use(searchHandler(holder));
  for (const handler of options.extraHandlers ?? []) app.use(handler);
  app.use(redirectToCanonical(holder));
  app.use(notFound(holder));
  app.use(errorPage(holder));
  return app;
}

/** The listener gives every request its id; this covers the app used on its own (tests). */
function requestId(): RequestHandler {
  return function requestIdMiddleware(req, res, next) {
    if (!res.hasHeader(REQUEST_ID_HEADER)) assignRequestId(req, res);
    next();
  };
}

export interface ListenerOptions {
  /** Access lines of prepared responses; default: errors only, on standard error. */
  readonly logger?: Logger;
  /** A proxy in front sets X-Request-Id (TRUST_REQUEST_ID=1): keep its id. */
  readonly trustRequestId?: boolean;
}

/**
 * The server's request listener, the one way in: a GET or HEAD of a known URL is answered from
 * prepared bytes before Express is entered (Express's routing alone costs several times the
 * lookup), and so is a request without the Host that HTTP/1.1 requires (400); the rest goes to
 * the app.
 */
export function createRequestListener(
  holder: SiteHolder,
  app: Express,
  options: ListenerOptions = {},
) {
  const logger = options.logger ?? errorLogger();
  return function lecternRequestListener(req: IncomingMessage, res: ServerResponse): void {
    const id = requestIdFor(req.headers['x-request-id'], options.trustRequestId);
    try {
      const prepared = lacksHost(req)
        ? statusPage(holder, 400)
        : lookupPrepared(holder, req.method, req.url);
      if (prepared) {
        // The fast path sets no header before writeHead: the id goes out with all the others.
        servePrepared(req, res, prepared, id);
        logPrepared(logger, req, res, id);
      } else {
        res.setHeader(REQUEST_ID_HEADER, id);
        app(req, res);
      }
    } catch (error) {
      // Outside Express nothing else would catch this: it would end the process for one request.
      logger.error(
        { err: error, req: { id, method: req.method, url: loggedUrl(req.url) } },
        'request errored',
      );
      if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
      serveServerError(holder, req, res);
    }
  };
}
