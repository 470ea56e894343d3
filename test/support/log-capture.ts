import { createLogger, type Logger, type LogLevel } from '../../src/log/logger.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A logger whose JSON lines are kept, parsed, for a test to read. */
export function captureLogs(level: LogLevel = 'debug'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
