import type { Page } from './view-model.js';
import { escapeXml } from './escape-xml.js';

export const SITEMAP_URL = '/sitemap.xml';

export interface SitemapEntry {
  /** Absolute canonical URL. */
  readonly url: string;
  readonly lastModified: string | undefined;
  /** Every language version of the page, itself and x-default included (absolute URLs). */
  readonly alternates: readonly { readonly hreflang: string; readonly url: string }[];
}

/** Every page a search engine should index: one with a canonical URL and no noindex. */
export function sitemapEntries(pages: readonly Page[]): SitemapEntry[] {
  return pages.flatMap((page) =>
    page.layout.canonicalUrl === undefined || page.layout.noindex
      ? []
      : [
          {
            url: page.layout.canonicalUrl,
            lastModified: page.lastModified,
            alternates: page.layout.alternates,
          },
        ],
  );
}

function urlElement(entry: SitemapEntry): string {
  const lastmod =
    entry.lastModified === undefined ? '' : `<lastmod>${escapeXml(entry.lastModified)}</lastmod>`;
  // Google reads a page's translations from the sitemap as from its head: the same links.
  const alternates = entry.alternates.map(
    (a) =>
      `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.url)}"/>`,
  );
  return `  <url><loc>${escapeXml(entry.url)}</loc>${lastmod}${alternates.join('')}</url>\n`;
}

/** The sitemaps.org XML for the site's pages (https://www.sitemaps.org/protocol.html). */
export function sitemapXml(pages: readonly Page[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    sitemapEntries(pages).map(urlElement).join('') +
    '</urlset>\n'
  );
}
