import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Coding, PreparedResponse } from './prepared-response.js';

const EXTENSIONS: Readonly<Record<Coding, string>> = { br: '.br', gzip: '.gz' };
import type { RenderedSite } from './render-site.js';

/** `/courses/x/` -> `courses/x/index.html`: directory-style URLs work on every static host. */
export function exportPath(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

async function writeResponse(
  outDir: string,
  relative: string,
  response: PreparedResponse,
): Promise<number> {
  const file = path.join(outDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  // Precompressed copies beside each file let nginx (gzip_static, brotli_static) or a CDN send them as they are.
  await Promise.all([
    writeFile(file, response.identity.body),
    ...response.codings.map(async (coding) =>
      writeFile(`${file}${EXTENSIONS[coding]}`, (await response.encodedAsync(coding)).body),
    ),
  ]);
  return 1 + response.codings.length;
}

// Enough files under way to keep every core compressing, few enough that thousands of pages do
// not hold thousands of compressors (and their buffers) at once.
const FILES_AT_ONCE = 16;

/** Writes the rendered site as static files: the same bytes the server sends. */
export async function writeSite(site: RenderedSite, outDir: string): Promise<number> {
  await rm(outDir, { recursive: true, force: true });
  const jobs: [string, PreparedResponse][] = [...site.responses].map(([url, response]) => [
    exportPath(url),
    response,
  ]);
  const notFound = site.statusPages.get(404);
  if (notFound) jobs.push(['404.html', notFound]);
  let next = 0;
  let files = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [relative, response] = jobs[next++]!;
      // Awaited first: `files += await ...` would read files before the wait and lose counts.
      const written = await writeResponse(outDir, relative, response);
      files += written;
    }
  };
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  return files;
}
