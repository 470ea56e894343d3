import type { Site } from '../content/model.js';
import type { PageContext } from '../pages/page-context.js';
import { allPages, STATUS_CODES, statusPage } from '../pages/site-pages.js';
import { prepareResponse, type HeaderList, type PreparedResponse } from './prepared-response.js';
import type { PublicAsset } from './public-assets.js';
import type { Views } from './views.js';

/** The whole site as prepared responses: what the server answers and what the export writes. */
export interface RenderedSite {
  /** Every page and asset, by canonical URL path. */
  readonly responses: ReadonlyMap<string, PreparedResponse>;
  /** Canonical page URLs, in site order (catalog, then each course and its chapters). */
  readonly pageUrls: readonly string[];
  /** Error pages by status code (400, 404, 405, 500). */
  readonly statusPages: ReadonlyMap<number, PreparedResponse>;
}

export interface RenderOptions {
  readonly site: Site;
  readonly views: Views;
  readonly publicAssets: ReadonlyMap<string, PublicAsset>;
  readonly siteUrl: string;
  /** Security headers (from helmet's configuration) sent with every response. */
  readonly headers: HeaderList;
}

const HTML = 'text/html; charset=utf-8';
export const CACHE_PAGE = 'no-cache';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_NONE = 'no-store';

function assetUrl(assets: ReadonlyMap<string, PublicAsset>, name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`public/${name} is missing: the layout needs it`);
  return asset.url;
}

export function renderSite(options: RenderOptions): RenderedSite {
  const { site, views, publicAssets, headers } = options;
  const context: PageContext = {
    siteUrl: options.siteUrl.replace(/\/+$/, ''),
    stylesheetUrl: assetUrl(publicAssets, 'css/site.css'),
    scriptUrls: [],
  };
  const responses = new Map<string, PreparedResponse>();
  const pages = allPages(site, context);
  for (const page of pages) {
    responses.set(
      page.url,
      prepareResponse({
        contentType: HTML,
        body: views.render(page),
        cacheControl: CACHE_PAGE,
        headers,
      }),
    );
  }
  for (const asset of [...publicAssets.values(), ...site.assets]) {
    responses.set(
      asset.url,
      prepareResponse({
        contentType: asset.contentType,
        body: asset.body,
        cacheControl: CACHE_IMMUTABLE,
        headers,
      }),
    );
  }
  const statusPages = new Map(
    STATUS_CODES.map((status) => [
      status,
      prepareResponse({
        status,
        contentType: HTML,
        body: views.render(statusPage(site, status, context)),
        cacheControl: CACHE_NONE,
        headers,
      }),
    ]),
  );
  return { responses, pageUrls: pages.map((p) => p.url), statusPages };
}
