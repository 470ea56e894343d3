import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import {
  errorPage,
  lookupPrepared,
  notFound,
  preparedResponses,
  readOnly,
  redirectToCanonical,
  rejectMalformedPaths,
} from './http/handlers.js';
import { securityHeaders } from './http/security-headers.js';
import { servePrepared } from './http/serve-prepared.js';
import type { SiteHolder } from './http/site-holder.js';

export interface AppOptions {
  /** Where errors of the server's own making are reported. */
  readonly logError?: (error: unknown) => void;
  /** Handlers tried after the pages and before the fallbacks (development's live reload). */
  readonly extraHandlers?: readonly RequestHandler[];
}

/**
 * The Express app for everything that is not a prepared page or asset: redirects, 4xx, errors.
 * Order matters: security headers first, so that every response below carries them.
 */
export function createApp(holder: SiteHolder, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  // Pages carry strong ETags computed at load; Express's per-response hashing would be wasted work.
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(rejectMalformedPaths(holder));
  app.use(readOnly(holder));
  app.use(preparedResponses(holder));
  for (const handler of options.extraHandlers ?? []) app.use(handler);
  app.use(redirectToCanonical(holder));
  app.use(notFound(holder));
  app.use(errorPage(holder, options.logError ?? ((error) => console.error(error))));
  return app;
}

/**
 * The server's request listener: a GET or HEAD of a known URL is answered from prepared bytes
 * before Express is entered (Express's routing alone costs several times the lookup); the rest
 * goes to the app.
 */
export function createRequestListener(holder: SiteHolder, app: Express) {
  return function lecternRequestListener(req: IncomingMessage, res: ServerResponse): void {
    const prepared = lookupPrepared(holder, req.method, req.url);
    if (prepared) servePrepared(req, res, prepared);
    else app(req, res);
  };
}
