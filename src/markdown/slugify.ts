// Names that a bare id would shadow on `window` or `document` (DOM clobbering), and the ids the
// layout gives its own elements (two elements with one id break the skip link and aria labels):
// such headings get a prefix, every other heading keeps its readable id.
const RESERVED = new Set([
  'main',
  'outline-title',
  'contents-title',
  'chapters-title',
  'cta-title',
  'objectives-title',
  'contents-heading',
  'left-title',
  'ready-title',
  'learner-name',
  'dev-panel-title',
  'location',
  'document',
  'window',
  'top',
  'self',
  'parent',
  'frames',
  'opener',
  'name',
  'history',
  'navigator',
  'origin',
  'cookie',
  'domain',
  'forms',
  'images',
  'links',
  'body',
  'head',
  'alert',
  'close',
  'closed',
  'length',
  'status',
  'content',
  'event',
  'external',
  'constructor',
  'prototype',
  'tostring',
  'valueof',
  '__proto__',
]);

/** Readable, stable heading ids: "We Tell It Like It Is" -> "we-tell-it-like-it-is". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return 'section';
  // part-N and part-N-title are the course page's part sections.
  return RESERVED.has(slug) || /^\d/.test(slug) || /^part-\d+(-title)?$/.test(slug)
    ? `section-${slug}`
    : slug;
}
