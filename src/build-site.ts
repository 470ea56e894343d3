import { loadSite, type LoadedSite } from './content/load-site.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { createMarkdown } from './markdown/create-markdown.js';
import { readPublicAssets } from './render/public-assets.js';
import { renderSite, type RenderedSite } from './render/render-site.js';
import { createViews } from './render/views.js';

export interface BuildInput {
  readonly contentDir: string;
  readonly viewsDir: string;
  readonly publicDir: string;
  /** SITE_URL; when absent, site.yaml's url, then http://localhost:<port>. */
  readonly siteUrl: string | undefined;
  readonly fallbackSiteUrl: string;
  /** Where paths in content messages start from (the project root). */
  readonly displayRoot: string;
}

export interface BuiltSite {
  readonly loaded: LoadedSite;
  readonly rendered: RenderedSite;
  readonly siteUrl: string;
}

/** Content folder -> rendered site: the one pipeline the server, the export and dev all run. */
export async function buildSite(input: BuildInput): Promise<BuiltSite> {
  const loaded = await loadSite({
    contentDir: input.contentDir,
    markdown: createMarkdown(),
    displayRoot: input.displayRoot,
  });
  const siteUrl = (input.siteUrl ?? loaded.site.url ?? input.fallbackSiteUrl).replace(/\/+$/, '');
  const rendered = renderSite({
    site: loaded.site,
    views: createViews(input.viewsDir),
    publicAssets: await readPublicAssets(input.publicDir),
    siteUrl,
    headers: captureHeaders(securityHeaders()),
  });
  return { loaded, rendered, siteUrl };
}
