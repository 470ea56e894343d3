import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fingerprint } from '../content/content-index.js';
import type { PublicAsset } from './public-assets.js';

export const SEARCH_LIBRARY_NAME = 'js/minisearch.js';

/**
 * MiniSearch's browser build, served as an asset of our own (search text never leaves the
 * site), from the installed package: the browser runs the very version the server indexes with.
 */
export async function readSearchLibrary(): Promise<PublicAsset> {
  const main = createRequire(import.meta.url).resolve('minisearch');
  // main is dist/cjs/index.cjs; the UMD build beside it defines window.MiniSearch.
  const file = path.resolve(path.dirname(main), '../umd/index.js');
  // Its source map is not served: a browser asking for it would get a 404.
  const text = (await readFile(file, 'utf8')).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  const body = Buffer.from(text, 'utf8');
  const url = `/assets/js/minisearch.${fingerprint(body)}.js`;
  return { name: SEARCH_LIBRARY_NAME, url, contentType: 'text/javascript; charset=utf-8', body };
}
