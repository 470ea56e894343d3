/**
 * The canonical URL a request path was meant to reach (a missing trailing slash, doubled
 * slashes, capitals, a trailing index.html), or undefined. The answer is always one of the
 * site's own keys, so a redirect built from it can never leave the site.
 */
export function canonicalUrl(path: string, isKnown: (url: string) => boolean): string | undefined {
  const collapsed = path.replace(/\/{2,}/g, '/').replace(/\/index\.html$/i, '/');
  const candidates = [
    collapsed,
    `${collapsed}/`,
    collapsed.toLowerCase(),
    `${collapsed.toLowerCase()}/`,
  ];
  return candidates.find(
    (candidate) => candidate !== path && candidate.startsWith('/') && isKnown(candidate),
  );
}
