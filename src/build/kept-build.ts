import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Staged } from '../content/content-problem.js';
import { stampContent, type Listed } from '../content/read-content.js';
import { folderKey } from './output-keys.js';
import { codeKeyOf, type PipelineContext } from './pipeline-context.js';
import { readSnapshot } from './site-snapshot.js';

// The last whole build, kept in CACHE_DIR as build-<fingerprint>.snapshot.

/**
 * Everything a build's output depends on, without reading a content file: Lectern's code and
 * packages, the templates, the public files, the base URL, and every content file's stamp.
 * Equal fingerprints, equal sites.
 */
export async function fingerprint(context: PipelineContext, listing: Staged<Listed[]>) {
  const { options } = context;
  const parts = [
    await codeKeyOf(context),
    await folderKey(options.viewsDir),
    await folderKey(options.publicDir),
    options.siteUrl ?? '',
    options.fallbackSiteUrl,
    await stampContent(options.contentDir, listing.value),
  ];
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

export async function cachedBuild(file: string | undefined) {
  if (!file) return undefined;
  try {
    return { ...(await readSnapshot(file)), snapshot: file };
  } catch {
    // Missing, damaged or from another version: built again, and written anew.
    return undefined;
  }
}

/**
 * Only the latest build is worth keeping (a running `npm start` serves a link of its own to its
 * build, see start.ts). Files still being written by another process (.tmp) are left alone.
 */
export async function removeOtherBuilds(keep: string): Promise<void> {
  const dir = path.dirname(keep);
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter(
    (n) => n.startsWith('build-') && n.endsWith('.snapshot') && n !== path.basename(keep),
  );
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
}
