import { ConfigError } from './config.js';
import { ContentError } from './content/content-problem.js';

/** One clear message for whatever stops a command before it starts; never a stack trace for the expected cases. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ContentError) return `${error.message}\nFix these and start again.`;
  if (error instanceof ConfigError) return `Configuration error:\n${error.message}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const file = (error as NodeJS.ErrnoException | null)?.path;
  if (code === 'ENOENT' && file)
    return `Not found: ${file}. Check CONTENT_DIR, or run from the project folder.`;
  if (code === 'EACCES' && file) return `Permission denied reading ${file}.`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
