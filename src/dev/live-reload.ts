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

export function createLiveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  return {
    handler(req, res, next) {
      if (req.path !== EVENTS_URL) return next();
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write('retry: 500\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
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
