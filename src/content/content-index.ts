import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeFragment, type ResolvedImage } from '../markdown/markdown-env.js';
import { imageSize } from './image-size.js';
import type { ContentAsset } from './model.js';
import type { BinaryFile } from './read-content.js';
import { contentAssetUrl } from './urls.js';

/** What a relative link or image path in one file can point to, known before any rendering. */
export interface ContentIndex {
  /** Page URL of each Markdown file, by path relative to the content folder. */
  readonly pages: ReadonlyMap<string, string>;
  /** The other way round: the Markdown file behind each page URL. */
  readonly filesByUrl: ReadonlyMap<string, string>;
  readonly assets: ReadonlyMap<string, ContentAsset>;
}

export function fingerprint(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 10);
}

export function indexAssets(images: ReadonlyMap<string, BinaryFile>): Map<string, ContentAsset> {
  const assets = new Map<string, ContentAsset>();
  for (const [relative, file] of images) {
    const size = imageSize(file.body, file.contentType);
    assets.set(relative, {
      // The read stage's sha256 of the bytes: the same fingerprint, not computed twice.
      url: contentAssetUrl(relative, file.hash.slice(0, 10)),
      contentType: file.contentType,
      body: file.body,
      ...size,
    });
  }
  return assets;
}

/** `images/x.svg` written in `courses/c/01-a.md` -> `courses/c/images/x.svg`, or undefined if it leaves content/. */
function resolveRelative(fromFile: string, written: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(written);
  } catch {
    return undefined;
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decoded));
  return joined.startsWith('../') || path.posix.isAbsolute(joined) ? undefined : joined;
}

export function resolversFor(index: ContentIndex, fromFile: string) {
  return {
    resolveLink(written: string) {
      const hash = written.indexOf('#');
      const path = hash === -1 ? written : written.slice(0, hash);
      const fragment =
        hash === -1 ? undefined : decodeFragment(written.slice(hash + 1)) || undefined;
      // A site path (`/courses/x/`) is checked against the pages; the catalog has no file of its own.
      if (path === '/') return { url: '/', file: '', fragment: undefined };
      const target = path.startsWith('/')
        ? index.filesByUrl.get(path)
        : resolveRelative(fromFile, path);
      const url = target === undefined ? undefined : index.pages.get(target);
      if (target === undefined || url === undefined) return undefined;
      return { url, file: target, fragment };
    },
    resolveImage(written: string): ResolvedImage | undefined {
      const target = resolveRelative(fromFile, written);
      return target === undefined ? undefined : index.assets.get(target);
    },
  };
}
