export interface ChapterFileName {
  readonly number: number;
  readonly slug: string;
}

const CHAPTER_FILE = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `01-our-principles.md` -> chapter 1, slug `our-principles`; anything else -> undefined. */
export function parseChapterFileName(name: string): ChapterFileName | undefined {
  const match = CHAPTER_FILE.exec(name);
  if (!match) return undefined;
  return { number: Number(match[1]), slug: match[2] ?? '' };
}

export function chapterNamingHint(name: string): string {
  const suggestion = name
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const numbered = /^\d{2,3}-/.test(suggestion)
    ? suggestion
    : `NN-${suggestion.replace(/^\d+-?/, '')}`;
  return `Chapter files are named NN-slug.md (two digits, then lowercase words joined by hyphens), e.g. "${numbered}.md"`;
}

/** A title as a URL slug: "Living the Principles!" -> "living-the-principles". */
export function toSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
