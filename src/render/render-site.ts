import { randomUUID } from 'node:crypto';
import type { Site } from '../content/model.js';
import type { PageContext } from '../pages/page-context.js';
import type { NoticeModel, Page } from '../pages/view-model.js';
import { robotsTxt, ROBOTS_URL } from '../pages/robots.js';
import { allPages, STATUS_CODES, statusPage } from '../pages/site-pages.js';
import { SITEMAP_URL, sitemapXml } from '../pages/sitemap.js';
import { prepareResponse, type HeaderList, type PreparedResponse } from './prepared-response.js';
import type { PublicAsset } from './public-assets.js';
import { socialImage } from './social-image.js';
import type { Views } from './views.js';

/** The whole site as prepared responses: what the server answers and what the export writes. */
export interface RenderedSite {
  /** Every page and asset, the sitemap and robots.txt, by canonical URL path. */
  readonly responses: ReadonlyMap<string, PreparedResponse>;
  /** Canonical page URLs, in site order (catalog, then each course and its chapters). */
  readonly pageUrls: readonly string[];
  /** Error pages by status code (400, 404, 405, 500). */
  readonly statusPages: ReadonlyMap<number, PreparedResponse>;
  /** Stands in the 500 page where each request's id goes; random, so content cannot forge it. */
  readonly referenceToken: string;
}

/** A page that could not be rendered: names the page, then the template line and what failed. */
export class RenderError extends Error {
  override name = 'RenderError';

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Could not render ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

function renderPage(views: Views, page: Page): string {
  try {
    return views.render(page);
  } catch (error) {
    // A template that fails for one page is a broken site: it stops the start, never serves half.
    throw new RenderError(page.url, error);
  }
}

export interface RenderOptions {
  readonly site: Site;
  readonly views: Views;
  readonly publicAssets: ReadonlyMap<string, PublicAsset>;
  readonly siteUrl: string;
  /** Security headers (from helmet's configuration) sent with every response. */
  readonly headers: HeaderList;
  readonly notices: readonly NoticeModel[];
  readonly devScripts: readonly { url: string; body: Buffer }[];
}

const HTML = 'text/html; charset=utf-8';
export const CACHE_PAGE = 'no-cache';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_NONE = 'no-store';
// Crawlers fetch these often; an hour of staleness after a content change is harmless.
export const CACHE_HOUR = 'public, max-age=3600';

function assetUrl(assets: ReadonlyMap<string, PublicAsset>, name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`public/${name} is missing: the layout needs it`);
  return asset.url;
}

export function renderSite(options: RenderOptions): RenderedSite {
  const { site, views, publicAssets, headers } = options;
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const context: PageContext = {
    siteUrl,
    socialImage: socialImage(publicAssets, siteUrl),
    stylesheetUrl: assetUrl(publicAssets, 'css/site.css'),
    iconUrl: assetUrl(publicAssets, 'favicon.svg'),
    scriptUrls: [
      assetUrl(publicAssets, 'js/site.js'),
      ...options.devScripts.map((script) => script.url),
    ],
    notices: options.notices,
  };
  const responses = new Map<string, PreparedResponse>();
  const pages = allPages(site, context);
  for (const page of pages) {
    responses.set(
      page.url,
      prepareResponse({
        contentType: HTML,
        body: renderPage(views, page),
        cacheControl: CACHE_PAGE,
        headers,
      }),
    );
  }
  // Made from the pages just rendered, so the sitemap lists exactly the pages served.
  for (const [url, contentType, body] of [
    [SITEMAP_URL, 'application/xml; charset=utf-8', sitemapXml(pages)],
    [ROBOTS_URL, 'text/plain; charset=utf-8', robotsTxt(siteUrl)],
  ] as const) {
    responses.set(url, prepareResponse({ contentType, body, cacheControl: CACHE_HOUR, headers }));
  }
  for (const script of options.devScripts) {
    responses.set(
      script.url,
      prepareResponse({
        contentType: 'text/javascript; charset=utf-8',
        body: script.body,
        cacheControl: CACHE_NONE,
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
  const referenceToken = `lectern-reference-${randomUUID()}`;
  const statusPages = new Map(
    STATUS_CODES.map((status) => [
      status,
      prepareResponse({
        status,
        contentType: HTML,
        body: renderPage(
          views,
          statusPage(site, status, context, status >= 500 ? referenceToken : undefined),
        ),
        cacheControl: CACHE_NONE,
        headers,
      }),
    ]),
  );
  return { responses, pageUrls: pages.map((p) => p.url), statusPages, referenceToken };
}
