import { link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  COMPRESSION_KEY,
  type Coding,
  type Encoded,
  type PreparedResponse,
} from './prepared-response.js';
import type { RenderedSite } from './render-site.js';

const EXTENSIONS: Readonly<Record<Coding, string>> = { br: '.br', gzip: '.gz' };

/** Written into every export: what it holds, so that the next export links what is unchanged. */
export const EXPORT_MARKER = '.lectern-export.json';

interface Manifest {
  readonly lectern: 1;
  readonly compression: string;
  /** ETag of every file, by path. */
  readonly files: Readonly<Record<string, string>>;
}

/** `/courses/x/` -> `courses/x/index.html`: directory-style URLs work on every static host. */
export function exportPath(url: string): string {
  const relative = url.replace(/^\/+/, '');
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** An export folder that cannot be used, and why. */
export class OutDirError extends Error {
  override name = 'OutDirError';
}

function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The folders an export must never replace: the project and any folder above it, and the
 * folders Lectern reads (content, views, public). Replacing one would delete the work itself.
 */
export function checkOutDir(outDir: string, project: string, protectedDirs: readonly string[]) {
  if (isWithin(project, outDir))
    throw new OutDirError(
      `OUT_DIR=${outDir} is the project folder or a folder above it: the export replaces its folder, so choose one of its own, e.g. OUT_DIR=dist`,
    );
  for (const dir of protectedDirs)
    if (isWithin(outDir, dir) || isWithin(dir, outDir))
      throw new OutDirError(
        `OUT_DIR=${outDir} would replace ${dir}, which Lectern reads: choose another folder, e.g. OUT_DIR=dist`,
      );
}

/** The last export in the folder: what it holds, and when it was written (its marker's mtime). */
interface Previous {
  readonly manifest: Manifest;
  readonly writtenAt: number;
}

async function previousExport(outDir: string): Promise<Previous | undefined> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (names.length === 0) return undefined;
  try {
    const marker = path.join(outDir, EXPORT_MARKER);
    const manifest = JSON.parse(await readFile(marker, 'utf8')) as Manifest;
    // The marker is written last: a file changed after the export (by hand) is newer than it.
    return { manifest, writtenAt: (await stat(marker)).mtimeMs };
  } catch {
    throw new OutDirError(
      `OUT_DIR=${outDir} holds files that no Lectern export wrote (no ${EXPORT_MARKER}): empty it or choose another folder`,
    );
  }
}

interface Job {
  readonly relative: string;
  readonly encoded: Encoded;
  readonly compressed: boolean;
}

function jobsOf(site: RenderedSite): Job[] {
  const entries: [string, PreparedResponse][] = [...site.responses].map(([url, response]) => [
    exportPath(url),
    response,
  ]);
  // Each language's 404 page, where a static host finds it (deploy/nginx.conf): 404.html, fr/404.html.
  for (const [url, response] of site.statusPages)
    if (url.endsWith('/404.html')) entries.push([url.slice(1), response]);
  // Precompressed copies beside each file let nginx (gzip_static, brotli_static) or a CDN send them as they are.
  return entries.flatMap(([relative, response]) => [
    { relative, encoded: response.identity, compressed: false },
    ...response.codings.map((coding) => ({
      relative: `${relative}${EXTENSIONS[coding]}`,
      encoded: response.encoded(coding),
      compressed: true,
    })),
  ]);
}

/** Whether the last export's copy of a file has this job's bytes, untouched since. */
async function intact(job: Job, from: string, previous: Previous | undefined): Promise<boolean> {
  const { manifest, writtenAt } = previous ?? {};
  if (manifest?.files[job.relative] !== job.encoded.etag) return false;
  if (job.compressed && manifest.compression !== COMPRESSION_KEY) return false;
  const info = await stat(path.join(from, job.relative)).catch(() => undefined);
  return info !== undefined && info.size === job.encoded.body.length && info.mtimeMs <= writtenAt!;
}

/** A file the last export wrote with the same bytes is linked, not written again. */
async function writeOne(job: Job, into: string, from: string, previous: Previous | undefined) {
  const target = path.join(into, job.relative);
  if (await intact(job, from, previous)) {
    try {
      await link(path.join(from, job.relative), target);
      return;
    } catch {
      // Another file system: written below.
    }
  }
  await writeFile(target, job.encoded.body);
}

// Enough files under way to keep the disk busy, few enough not to exhaust file descriptors.
const FILES_AT_ONCE = 32;

async function writeAll(jobs: readonly Job[], into: string, from: string, previous?: Previous) {
  const folders = new Set(jobs.map((job) => path.dirname(path.join(into, job.relative))));
  // Parents first: each folder is made once instead of once per file.
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  let next = 0;
  // After a failure every writer stops before the error goes up: the folder is then removed
  // whole, not while other writes still add files to it.
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < jobs.length && !failure) {
      await writeOne(jobs[next++]!, into, from, previous).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, worker));
  if (failure) throw failure.error;
}

/** Whether the folder holds this very export already: then there is nothing to write. */
async function alreadyWritten(jobs: readonly Job[], outDir: string, previous: Previous) {
  if (Object.keys(previous.manifest.files).length !== jobs.length) return false;
  for (let at = 0; at < jobs.length; at += FILES_AT_ONCE * 8) {
    const batch = jobs.slice(at, at + FILES_AT_ONCE * 8);
    const checks = await Promise.all(batch.map((job) => intact(job, outDir, previous)));
    if (!checks.every(Boolean)) return false;
  }
  return true;
}

/**
 * Writes the rendered site as static files: the same bytes the server sends. The export is
 * built beside the folder and swapped in whole, so a failed export leaves the last one as it
 * was; files whose bytes did not change are hard links to the last export's. Returns how many
 * files it holds, its marker included.
 */
export async function writeSite(site: RenderedSite, outDir: string): Promise<number> {
  const previous = await previousExport(outDir);
  const building = `${outDir}.building-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  const jobs = jobsOf(site);
  if (previous && (await alreadyWritten(jobs, outDir, previous))) return jobs.length + 1;
  await rm(building, { recursive: true, force: true });
  try {
    await writeAll(jobs, building, outDir, previous);
    const manifest: Manifest = {
      lectern: 1,
      compression: COMPRESSION_KEY,
      files: Object.fromEntries(jobs.map((job) => [job.relative, job.encoded.etag])),
    };
    await writeFile(path.join(building, EXPORT_MARKER), JSON.stringify(manifest));
    if (previous) await rename(outDir, old);
    await rename(building, outDir).catch(async (error: unknown) => {
      // The last export goes back where it was: a failed export never leaves no export.
      if (previous) await rename(old, outDir);
      throw error;
    });
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
  return jobs.length + 1;
}
