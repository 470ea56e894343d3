import { WorkerError } from './build/worker-pool.js';
import { ConfigError } from './config.js';
import { ContentError } from './content/content-problem.js';
import { RenderError } from './render/render-site.js';
import { TemplateError } from './render/views.js';
import { OutDirError } from './render/write-site.js';

/** One clear message for whatever stops a command before it starts; never a stack trace for the expected cases. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ContentError) return `${error.message}\nFix these and start again.`;
  if (error instanceof ConfigError) return `Configuration error:\n${error.message}`;
  if (error instanceof OutDirError) return error.message;
  if (error instanceof WorkerError)
    return `${error.message}\nThe build was abandoned: nothing was served or written.`;
  if (error instanceof RenderError || error instanceof TemplateError)
    return `${error.message}\nFix the template (or what it is given) and start again.`;
  const {
    code,
    path: file,
    syscall,
    port,
  } = (error ?? {}) as NodeJS.ErrnoException & { port?: number };
  if (syscall === 'listen' && code === 'EADDRINUSE')
    return `Port ${port} is already in use: stop the other server or set PORT to a free port.`;
  if (syscall === 'listen' && code === 'EACCES')
    return `Not allowed to listen on port ${port}: use a port above 1023, e.g. PORT=3000.`;
  if (syscall === 'listen' && code === 'EADDRNOTAVAIL')
    return `HOST is not an address of this machine: use HOST=0.0.0.0 or HOST=127.0.0.1.`;
  if (code === 'ENOENT' && file)
    return `Not found: ${file}. Check CONTENT_DIR, or run from the project folder.`;
  if (code === 'ENOTDIR' && file) return `Not a folder: ${file}. Check CONTENT_DIR.`;
  if (code === 'EACCES' && file) return `Permission denied reading ${file}.`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
