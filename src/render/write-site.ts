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

/** Writes the rendered site as static files: the same bytes the server sends. */
export async function writeSite(site: RenderedSite, outDir: string): Promise<number> {
  await rm(outDir, { recursive: true, force: true });
  const writes = [...site.responses].map(([url, response]) =>
    writeResponse(outDir, exportPath(url), response),
  );
  const notFound = site.statusPages.get(404);
  if (notFound) writes.push(writeResponse(outDir, '404.html', notFound));
  return (await Promise.all(writes)).reduce((sum, count) => sum + count, 0);
}
