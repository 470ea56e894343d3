import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One costly stage's results on disk (rendered Markdown, compressed bodies), as one file: a
 * restart reads it in one go instead of thousands of small files. Every entry carries a checksum;
 * an entry that does not verify is ignored (and rebuilt by the stage), a truncated file is read up
 * to its last whole entry. A cache makes Lectern faster, never wrong.
 */
export interface CachePack {
  get(key: string): Buffer | undefined;
  put(key: string, value: Buffer): void;
  /** Writes the entries this build used, when they differ from what was read; once per pack. */
  save(): Promise<void>;
}

export interface DiskCache {
  /** `namespace`: everything that changes the output besides each entry's own key. */
  open(name: string, namespace: string): Promise<CachePack>;
}

export interface DiskCacheOptions {
  /** The folder; undefined turns the cache off. */
  readonly dir: string | undefined;
  /** Told once when the folder cannot be used; Lectern then runs without it. */
  readonly warn: (message: string) => void;
}

const MAGIC = Buffer.from('LECTERN-CACHE-1\n');
const CHECKSUM_BYTES = 20;

function checksum(key: Buffer, value: Buffer): Buffer {
  return createHash('sha1').update(key).update(value).digest();
}

/** The entries of a pack file that verify; the rest are dropped without a word. */
export function decodePack(file: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) return entries;
  let at = MAGIC.length;
  while (at + 8 + CHECKSUM_BYTES <= file.length) {
    const keyLength = file.readUInt32LE(at);
    const valueLength = file.readUInt32LE(at + 4);
    const keyStart = at + 8 + CHECKSUM_BYTES;
    const valueStart = keyStart + keyLength;
    const end = valueStart + valueLength;
    if (end > file.length) break;
    const key = file.subarray(keyStart, valueStart);
    const value = file.subarray(valueStart, end);
    if (checksum(key, value).equals(file.subarray(at + 8, keyStart)))
      entries.set(key.toString('utf8'), value);
    at = end;
  }
  return entries;
}

export function encodePack(entries: ReadonlyMap<string, Buffer>): Buffer[] {
  const parts: Buffer[] = [MAGIC];
  for (const [name, value] of entries) {
    const key = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(8);
    head.writeUInt32LE(key.length, 0);
    head.writeUInt32LE(value.length, 4);
    parts.push(head, checksum(key, value), key, value);
  }
  return parts;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? String(error);
}

async function readPack(file: string): Promise<Map<string, Buffer>> {
  try {
    return decodePack(await readFile(file));
  } catch {
    return new Map();
  }
}

/** Packs of other versions or templates will never be read again: they go when a pack is saved. */
async function removeStale(dir: string, name: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // Only finished packs: a .tmp is another process's pack being written.
  const stale = names.filter((n) => n.startsWith(`${name}-`) && n.endsWith('.pack') && n !== keep);
  await Promise.all(stale.map((n) => rm(path.join(dir, n), { force: true })));
}

export function createDiskCache(options: DiskCacheOptions): DiskCache {
  let usable = options.dir !== undefined;
  const disable = (error: unknown) => {
    if (!usable) return;
    usable = false;
    options.warn(
      `Lectern: the cache folder ${options.dir} cannot be written (${errorCode(error)}); running without it (CACHE_DIR changes it, CACHE_DIR=off silences this).`,
    );
  };
  return {
    async open(name, namespace) {
      const dir = options.dir;
      const fileName = `${name}-${namespace}.pack`;
      const loaded = usable && dir ? await readPack(path.join(dir, fileName)) : new Map<string, Buffer>();
      const used = new Map<string, Buffer>();
      let added = 0;
      let saved = false;
      return {
        get(key) {
          const value = used.get(key) ?? loaded.get(key);
          if (value) used.set(key, value);
          return value;
        },
        put(key, value) {
          if (!used.has(key)) added++;
          used.set(key, value);
        },
        async save() {
          if (saved || !usable || !dir) return;
          saved = true;
          if (added === 0 && used.size === loaded.size) return;
          const file = path.join(dir, fileName);
          const temporary = `${file}.${process.pid}.tmp`;
          try {
            await mkdir(dir, { recursive: true });
            // Written beside it, then renamed: a reader sees the old pack or the new, never half.
            await writeFile(temporary, encodePack(used));
            await rename(temporary, file);
            await removeStale(dir, name, fileName);
          } catch (error) {
            await rm(temporary, { force: true }).catch(() => undefined);
            disable(error);
          }
        },
      };
    },
  };
}
