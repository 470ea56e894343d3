import type { Site } from './content/model.js';
import { loadSite, type LoadedSite } from './content/load-site.js';
import type { RenderCache } from './content/render-cache.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { createMarkdown } from './markdown/create-markdown.js';
import type { NoticeModel } from './pages/view-model.js';
import { readPublicAssets } from './render/public-assets.js';
import { renderSite, type RenderedSite } from './render/render-site.js';
import { createViews } from './render/views.js';

export interface BuildInput {
  readonly contentDir: string;
  readonly viewsDir: string;
  readonly publicDir: string;
  /** SITE_URL; when absent, site.yaml's url, then the fallback. */
  readonly siteUrl: string | undefined;
  readonly fallbackSiteUrl: string;
  /** Where paths in content messages start from (the project root). */
  readonly displayRoot: string;
}

export interface RenderExtras {
  /** Problems shown in a panel on every page (development only). */
  readonly notices?: readonly NoticeModel[];
  /** Extra assets served at fixed URLs, with a script tag on every page (development's reload client). */
  readonly devScripts?: readonly { url: string; body: Buffer }[];
}

export interface BuiltSite {
  readonly loaded: LoadedSite;
  readonly rendered: RenderedSite;
  readonly siteUrl: string;
}

export function loadContent(input: BuildInput, renderCache?: RenderCache): Promise<LoadedSite> {
  return loadSite({
    contentDir: input.contentDir,
    markdown: createMarkdown(),
    displayRoot: input.displayRoot,
    renderCache,
  });
}

export function siteUrlFor(input: BuildInput, site: Site): string {
  return (input.siteUrl ?? site.url ?? input.fallbackSiteUrl).replace(/\/+$/, '');
}

/** A loaded site -> every response, with the views and assets as they are on disk now. */
export async function renderContent(
  input: BuildInput,
  site: Site,
  extras: RenderExtras = {},
): Promise<RenderedSite> {
  return renderSite({
    site,
    views: createViews(input.viewsDir),
    publicAssets: await readPublicAssets(input.publicDir),
    siteUrl: siteUrlFor(input, site),
    headers: captureHeaders(securityHeaders()),
    notices: extras.notices ?? [],
    devScripts: extras.devScripts ?? [],
  });
}

/** Content folder -> rendered site: the one pipeline the server, the check and the export run. */
export async function buildSite(input: BuildInput): Promise<BuiltSite> {
  const loaded = await loadContent(input);
  const rendered = await renderContent(input, loaded.site);
  return { loaded, rendered, siteUrl: siteUrlFor(input, loaded.site) };
}
