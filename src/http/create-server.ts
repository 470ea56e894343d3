import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from '../log/logger.js';
import type { HeaderList } from '../render/prepared-response.js';
import { answerClientError } from './client-error.js';

/**
 * Deliberate limits, where Node's defaults are minutes: a GET has no body, so a request that
 * takes long to arrive is a slow-loris client holding a connection, not a learner.
 */
export interface ServerTimeouts {
  /** Time a client has to send its request line and headers. */
  readonly headersMs: number;
  /** Time for the whole request to arrive. */
  readonly requestMs: number;
  /** Idle time after which a keep-alive connection is closed (Node 20 waits a second more). */
  readonly keepAliveMs: number;
  /** How often the two limits above are checked (Node's default, 30 s, would let them slip). */
  readonly checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkIntervalMs: 1_000,
};

export interface ServerOptions {
  readonly listener: RequestListener;
  /** Security headers for the responses Node's parser makes before the app is reached. */
  readonly headers: HeaderList;
  readonly logger: Logger;
  readonly timeouts?: Partial<ServerTimeouts>;
}

/** An HTTP server for the request listener, with the timeouts set and parser errors answered. */
export function createLecternServer(options: ServerOptions): Server {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
      // The app answers a missing Host itself, with its 400 page and headers (see handlers.ts).
      requireHostHeader: false,
    },
    options.listener,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.on('clientError', answerClientError(options.headers, options.logger));
  return server;
}
