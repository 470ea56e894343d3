import type { Server } from 'node:http';
import type { Logger } from './log/logger.js';

/** The parts of `process` that starting and stopping use; tests pass an EventEmitter. */
export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  once(event: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * After an exception nobody caught, the process's state is unknown: log it and exit 1, for the
 * supervisor (systemd, a container runtime) to start a clean one. Pino flushes on exit.
 */
export function exitOnFatalErrors(logger: Logger, proc: ProcessLike = process): void {
  proc.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'Uncaught exception: exiting, to be restarted');
    proc.exit(1);
  });
  proc.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'Unhandled promise rejection: exiting, to be restarted');
    proc.exit(1);
  });
}

export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * SIGTERM (a deploy, a supervisor) or SIGINT (Ctrl-C): stop accepting connections, close the
 * idle ones, let requests in flight finish, then exit 0. Past the grace period, whatever is still
 * open is cut and the exit code says so. A second signal kills at once (the handlers run once).
 */
export function stopOnSignals(
  server: Server,
  logger: Logger,
  proc: ProcessLike = process,
  graceMs = SHUTDOWN_GRACE_MS,
): void {
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, `${signal}: finishing requests in flight, then stopping`);
    // Responses still to come tell their clients not to reuse the connection.
    server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
    server.close(() => {
      logger.info('Stopped');
      proc.exit(0);
    });
    setTimeout(() => {
      logger.warn(`Requests still in flight after ${graceMs} ms: closing their connections`);
      server.closeAllConnections();
      proc.exit(1);
    }, graceMs).unref();
  };
  proc.once('SIGTERM', () => shutdown('SIGTERM'));
  proc.once('SIGINT', () => shutdown('SIGINT'));
}
