/** The canonical URL scheme (DESIGN.md): directory-style, so a static export works anywhere. */
export const catalogUrl = '/';

export function courseUrl(course: string): string {
  return `/courses/${course}/`;
}

export function chapterUrl(course: string, chapter: string): string {
  return `/courses/${course}/${chapter}/`;
}

/** The certificate's slug: a chapter cannot take it, since they share the course's URL space. */
export const CERTIFICATE_SLUG = 'certificate';

export function certificateUrl(course: string): string {
  return `/courses/${course}/${CERTIFICATE_SLUG}/`;
}

export function contentAssetUrl(relativePath: string, hash: string): string {
  const dot = relativePath.lastIndexOf('.');
  return `/assets/content/${relativePath.slice(0, dot)}.${hash}${relativePath.slice(dot)}`;
}

/** The search page: its answers depend on `?q=`, so the server makes them per request. */
export const searchUrl = '/search/';
