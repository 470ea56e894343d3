import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const satisfies readonly LevelWithSilent[];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where JSON lines go; default: standard output, written in batches. */
  readonly destination?: DestinationStream;
}

// A collector that stops reading must not make the server run out of memory: past this much
// waiting output, new lines are dropped.
const MAX_PENDING_LOG_BYTES = 16 * 1024 * 1024;

/**
 * The process's one logger: JSON lines for a log collector. Standard output is written
 * asynchronously: under load, the lines logged while one write is under way go out together in
 * the next, rather than a system call each. Pino flushes what is pending when the process exits,
 * including through process.exit().
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination =
    options.destination ??
    pino.destination({ dest: 1, sync: false, maxLength: MAX_PENDING_LOG_BYTES });
  // No redaction pass: a log line holds a fixed list of request headers, none of them a
  // credential (see access-log.ts), and redacting cost every request a good part of its time.
  return pino({ level: options.level }, destination);
}

/** A logger that writes nothing: for tests and tools that do not want request logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' }, { write: () => {} });
}

/** Errors only, on standard error: for an app or listener whose caller chose no logger. */
export function errorLogger(): Logger {
  return createLogger({ level: 'error', destination: pino.destination({ dest: 2, sync: true }) });
}
