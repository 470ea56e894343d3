import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint } from '../content/content-index.js';

export interface PublicAsset {
  /** Path under public/, e.g. css/site.css. */
  readonly name: string;
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Reads public/ and gives every file a fingerprinted URL, so that it can be cached for a year. */
export async function readPublicAssets(publicDir: string): Promise<Map<string, PublicAsset>> {
  const assets = new Map<string, PublicAsset>();
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    const name = path.relative(publicDir, absolute).split(path.sep).join('/');
    const extension = path.extname(name);
    const contentType = TYPES[extension];
    if (!contentType) continue;
    const body = await readFile(absolute);
    const url = `/assets/${name.slice(0, -extension.length)}.${fingerprint(body)}${extension}`;
    assets.set(name, { name, url, contentType, body });
  }
  return assets;
}
