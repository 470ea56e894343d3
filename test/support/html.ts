/**
 * Just enough HTML reading for tests of the pages Lectern itself writes: attributes are always
 * double-quoted, and text that looks like markup is escaped (EJS and markdown-it both do it).
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? entity;
  });
}

/** The part of the document before <body>. */
export function headOf(html: string): string {
  return html.slice(0, html.indexOf('<body>'));
}

/** The content of <meta property="og:x"> or <meta name="twitter:x">, decoded. */
export function metaContent(html: string, key: string): string | undefined {
  const pattern = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`);
  const match = pattern.exec(headOf(html));
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]);
}

export function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as Record<string, unknown>,
  );
}

export function jsonLdOfType(html: string, type: string): Record<string, unknown> {
  const found = jsonLdOf(html).find((data) => data['@type'] === type);
  if (!found) throw new Error(`No ${type} JSON-LD in the page`);
  return found;
}

/** Every href and src value, decoded, in document order. */
export function referencesOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? '')));
}

/** Text of the first element matched by an opening-tag pattern, tags removed, decoded. */
export function textOf(html: string, openTag: RegExp, closeTag: string): string | undefined {
  const open = openTag.exec(html);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const inner = html.slice(start, html.indexOf(closeTag, start));
  return decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
}

/** The links (href + text) inside the first element that the opening-tag pattern finds. */
export function linksIn(
  html: string,
  openTag: RegExp,
  closeTag: string,
): { url: string; text: string }[] {
  const open = openTag.exec(html);
  if (!open) return [];
  const inner = html.slice(open.index, html.indexOf(closeTag, open.index));
  return [...inner.matchAll(/<a [^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    url: decodeEntities(m[1] ?? ''),
    text: decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, '')).trim(),
  }));
}
