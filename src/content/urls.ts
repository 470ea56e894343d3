/** The canonical URL scheme (DESIGN.md): directory-style, so a static export works anywhere. */
export const catalogUrl = '/';

/**
 * Where a language's pages live: the site's own language at the root, so that its URLs never
 * change when a translation is added; each other one under its code (`/fr/`, `/fr-ca/`).
 */
export function languageHome(language: string, siteLanguage: string): string {
  return language === siteLanguage ? catalogUrl : `/${language.toLowerCase()}/`;
}

export function courseUrl(course: string, home: string = catalogUrl): string {
  return `${home}courses/${course}/`;
}

export function chapterUrl(course: string, chapter: string, home: string = catalogUrl): string {
  return `${home}courses/${course}/${chapter}/`;
}

/** The certificate's slug: a chapter cannot take it, since they share the course's URL space. */
export const CERTIFICATE_SLUG = 'certificate';

export function certificateUrl(course: string, home: string = catalogUrl): string {
  return `${home}courses/${course}/${CERTIFICATE_SLUG}/`;
}

export function contentAssetUrl(relativePath: string, hash: string): string {
  const dot = relativePath.lastIndexOf('.');
  return `/assets/content/${relativePath.slice(0, dot)}.${hash}${relativePath.slice(dot)}`;
}

/**
 * Each language's search page (`/search/`, `/fr/search/`): the same index, the interface in the
 * language. Its answers depend on `?q=`, so the server makes them per request.
 */
export function searchUrlOf(home: string): string {
  return `${home}${SEARCH_SLUG}`;
}

const SEARCH_SLUG = 'search/';

// A language's home is its code, as languageHome writes it: `/fr/`, `/fr-ca/`.
const LANGUAGE_HOME = /^\/[a-z]{2,3}(?:-[a-z]{2})?\//;

/** The language home a path lies under, by its form: `/fr/courses/x/` -> `/fr/`, else `/`. */
export function homeOf(path: string): string {
  return LANGUAGE_HOME.exec(path)?.[0] ?? catalogUrl;
}

/** Asked of every request (see lookupPrepared): the suffix first, the language's home after. */
export function isSearchUrl(path: string): boolean {
  return path.endsWith(SEARCH_SLUG) && path === searchUrlOf(homeOf(path));
}

/** Where an error page of a language is kept: `/404.html`, `/fr/404.html`. */
export function statusPageUrl(status: number, home: string = catalogUrl): string {
  return `${home}${status}.html`;
}
