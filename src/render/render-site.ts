import type { Site } from '../content/model.js';
import { catalogUrl, homeOf, statusPageUrl } from '../content/urls.js';
import type { PageContext } from '../pages/page-context.js';
import type { NoticeModel, Page } from '../pages/view-model.js';
import { robotsTxt, ROBOTS_URL } from '../pages/robots.js';
import type { ServedSearch } from '../search/served-search.js';
import { SITEMAP_URL, sitemapXml } from '../pages/sitemap.js';
import { prepareResponse, type HeaderList, type PreparedResponse } from './prepared-response.js';
import type { PublicAsset } from './public-assets.js';
import { socialImage } from './social-image.js';

/** The whole site as prepared responses: what the server answers and what the export writes. */
export interface RenderedSite {
  /** Every page and asset, the sitemap and robots.txt, by canonical URL path. */
  readonly responses: ReadonlyMap<string, PreparedResponse>;
  /** Canonical page URLs, in site order (catalog, then each course and its chapters). */
  readonly pageUrls: readonly string[];
  /** Error pages (400, 404, 405, 500) of each language, by statusPageUrl: `/404.html`, `/fr/404.html`. */
  readonly statusPages: ReadonlyMap<string, PreparedResponse>;
  /** Stands in the 500 page where each request's id goes; random, so content cannot forge it. */
  readonly referenceToken: string;
  /** What `/search/?q=` is answered from (absent on a site built without search). */
  readonly search?: ServedSearch | undefined;
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

export const CACHE_PAGE = 'no-cache';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_NONE = 'no-store';
// Crawlers fetch these often; an hour of staleness after a content change is harmless.
export const CACHE_HOUR = 'public, max-age=3600';

export interface DevScript {
  readonly url: string;
  readonly body: Buffer;
}

function assetUrl(assets: ReadonlyMap<string, PublicAsset>, name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`public/${name} is missing: the layout needs it`);
  return asset.url;
}

/** What every page needs from outside the content: its base URL and its assets' URLs. */
export function pageContext(
  publicAssets: ReadonlyMap<string, PublicAsset>,
  siteUrl: string,
  devScripts: readonly DevScript[],
  notices: readonly NoticeModel[],
): PageContext {
  return {
    siteUrl,
    socialImage: socialImage(publicAssets, siteUrl),
    stylesheetUrl: assetUrl(publicAssets, 'css/site.css'),
    iconUrl: assetUrl(publicAssets, 'favicon.svg'),
    scriptUrls: [assetUrl(publicAssets, 'js/site.js'), ...devScripts.map((script) => script.url)],
    contentScriptUrls: {
      quiz: assetUrl(publicAssets, 'js/quiz.js'),
      'code-copy': assetUrl(publicAssets, 'js/code-copy.js'),
    },
    notices,
  };
}

export interface SiteResponsesInput {
  readonly site: Site;
  readonly siteUrl: string;
  readonly pages: readonly Page[];
  /** The prepared response of each page, in the order of `pages`. */
  readonly pageResponses: readonly PreparedResponse[];
  readonly statusPages: readonly Page[];
  readonly statusResponses: readonly PreparedResponse[];
  readonly publicAssets: ReadonlyMap<string, PublicAsset>;
  /** Assets the build made (the share cards), served like the others. */
  readonly generatedAssets?: readonly { url: string; contentType: string; body: Buffer }[];
  readonly devScripts: readonly DevScript[];
  readonly headers: HeaderList;
  readonly referenceToken: string;
  /** Responses of fingerprinted assets, by URL: the same URL is the same bytes. */
  readonly assetResponse: (url: string, make: () => PreparedResponse) => PreparedResponse;
  /** The search page the export writes, the static index's files, and what the server answers from. */
  readonly search?: {
    readonly responses: ReadonlyMap<string, PreparedResponse>;
    readonly served: ServedSearch;
  };
}

/** Everything the site answers, by URL: pages, sitemap and robots.txt, scripts and assets. */
export function siteResponses(input: SiteResponsesInput): RenderedSite {
  const { headers } = input;
  const responses = new Map<string, PreparedResponse>();
  input.pages.forEach((page, i) => responses.set(page.url, input.pageResponses[i]!));
  // Made from the pages just rendered, so the sitemap lists exactly the pages served.
  for (const [url, contentType, body] of [
    [SITEMAP_URL, 'application/xml; charset=utf-8', sitemapXml(input.pages)],
    [ROBOTS_URL, 'text/plain; charset=utf-8', robotsTxt(input.siteUrl)],
  ] as const) {
    responses.set(url, prepareResponse({ contentType, body, cacheControl: CACHE_HOUR, headers }));
  }
  for (const script of input.devScripts) {
    const contentType = 'text/javascript; charset=utf-8';
    const options = { contentType, body: script.body, cacheControl: CACHE_NONE, headers };
    responses.set(script.url, prepareResponse(options));
  }
  const assets = [
    ...input.publicAssets.values(),
    ...input.site.assets,
    ...(input.generatedAssets ?? []),
  ];
  for (const asset of assets) {
    const make = () =>
      prepareResponse({
        contentType: asset.contentType,
        body: asset.body,
        cacheControl: CACHE_IMMUTABLE,
        headers,
      });
    responses.set(asset.url, input.assetResponse(asset.url, make));
  }
  for (const [url, response] of input.search?.responses ?? []) responses.set(url, response);
  const statusPages = new Map(
    input.statusPages.map((page, i) => [page.url, input.statusResponses[i]!]),
  );
  return {
    responses,
    pageUrls: input.pages.map((p) => p.url),
    statusPages,
    referenceToken: input.referenceToken,
    search: input.search?.served,
  };
}

/**
 * The error page for `status` in the language of `path` (a 404 under /fr/ is French), else the
 * site's own; a status without a page of its own is answered with 400's or 500's.
 */
export function statusResponse(
  pages: RenderedSite['statusPages'],
  status: number,
  path: string = catalogUrl,
): PreparedResponse {
  const home = homeOf(path);
  const find = (code: number) =>
    pages.get(statusPageUrl(code, home)) ?? pages.get(statusPageUrl(code));
  return find(status) ?? find(status >= 500 ? 500 : 400) ?? find(500)!;
}
