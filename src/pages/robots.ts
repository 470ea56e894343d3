import { SITEMAP_URL } from './sitemap.js';

export const ROBOTS_URL = '/robots.txt';

/** Every page may be crawled; the Sitemap line needs a full URL (sitemaps.org protocol). */
export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}${SITEMAP_URL}\n`;
}
