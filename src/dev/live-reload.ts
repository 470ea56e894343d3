import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';

export const EVENTS_URL = '/__lectern/events';
export const CLIENT_URL = '/__lectern/live-reload.js';

export interface LiveReload {
  /** The server-sent events endpoint that open pages listen to. */
  readonly handler: RequestHandler;
  /** Tells every open page to reload. */
  reload(): void;
  close(): void;
}

/** Enough for every tab an editor opens; a page that opens more is not a person. */
export const MAX_CLIENTS = 32;
/** A connection is closed after this long; the page's EventSource reconnects at once. */
export const CLIENT_LIFETIME_MS = 10 * 60_000;

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  return {
    handler(req, res, next) {
      if (req.path !== EVENTS_URL) return next();
      if (clients.size >= MAX_CLIENTS) {
        res.writeHead(503, { 'Retry-After': '5', 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      clients.add(res);
      const lifetime = setTimeout(() => res.end(), CLIENT_LIFETIME_MS);
      lifetime.unref();
      req.on('close', () => {
        clearTimeout(lifetime);
        clients.delete(res);
      });
    },
    reload() {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
