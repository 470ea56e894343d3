import type { Page } from './view-model.js';
import { escapeXml } from './escape-xml.js';

export const SITEMAP_URL = '/sitemap.xml';

export interface SitemapEntry {
  /** Absolute canonical URL. */
  readonly url: string;
  readonly lastModified: string | undefined;
}

/** Every page a search engine should index: one with a canonical URL and no noindex. */
export function sitemapEntries(pages: readonly Page[]): SitemapEntry[] {
  return pages.flatMap((page) =>
    page.layout.canonicalUrl === undefined || page.layout.noindex
      ? []
      : [{ url: page.layout.canonicalUrl, lastModified: page.lastModified }],
  );
}

function urlElement(entry: SitemapEntry): string {
  const lastmod =
    entry.lastModified === undefined ? '' : `<lastmod>${escapeXml(entry.lastModified)}</lastmod>`;
  return `  <url><loc>${escapeXml(entry.url)}</loc>${lastmod}</url>\n`;
}

/** The sitemaps.org XML for the site's pages (https://www.sitemaps.org/protocol.html). */
export function sitemapXml(pages: readonly Page[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    sitemapEntries(pages).map(urlElement).join('') +
    '</urlset>\n'
  );
}
