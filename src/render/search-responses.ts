import { createHash } from 'node:crypto';
import type { StaticIndexFile } from '../search/static-index.js';
import { prepareResponse, type HeaderList, type PreparedResponse } from './prepared-response.js';
import { CACHE_IMMUTABLE, CACHE_PAGE } from './render-site.js';

/**
 * The static index's files as prepared responses, by URL: the server sends them as the export
 * writes them. A file whose bytes the last build had keeps its response (and its compressed
 * bodies, made once).
 */
export function staticIndexResponses(
  files: readonly StaticIndexFile[],
  headers: HeaderList,
  kept: (key: string, make: () => PreparedResponse) => PreparedResponse,
): Map<string, PreparedResponse> {
  const responses = new Map<string, PreparedResponse>();
  for (const file of files) {
    const make = () =>
      prepareResponse({
        contentType: 'application/json; charset=utf-8',
        body: file.body,
        cacheControl: file.immutable ? CACHE_IMMUTABLE : CACHE_PAGE,
        headers,
      });
    // A fingerprinted URL names its bytes; another is named by their hash.
    const key = file.immutable
      ? file.url
      : `${file.url}\0${createHash('sha1').update(file.body).digest('base64url')}`;
    responses.set(file.url, kept(key, make));
  }
  return responses;
}
