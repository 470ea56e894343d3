export interface ChapterFileName {
  readonly number: number;
  readonly slug: string;
}

const CHAPTER_FILE = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const PART_FOLDER = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The file in a part folder that names the part. */
export const PART_FILE = 'part.md';

function numbered(pattern: RegExp, name: string): ChapterFileName | undefined {
  const match = pattern.exec(name);
  if (!match) return undefined;
  return { number: Number(match[1]), slug: match[2] ?? '' };
}

/** `01-our-principles.md` -> chapter 1, slug `our-principles`; anything else -> undefined. */
export function parseChapterFileName(name: string): ChapterFileName | undefined {
  return numbered(CHAPTER_FILE, name);
}

/** `02-checking-and-publishing` -> part 2, slug `checking-and-publishing`; else undefined. */
export function parsePartFolderName(name: string): ChapterFileName | undefined {
  return numbered(PART_FOLDER, name);
}

function numberedSuggestion(name: string): string {
  const suggestion = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^\d{2,3}-/.test(suggestion) ? suggestion : `NN-${suggestion.replace(/^\d+-?/, '')}`;
}

export function chapterNamingHint(name: string): string {
  const suggestion = numberedSuggestion(name.replace(/\.md$/i, ''));
  return `Chapter files are named NN-slug.md (two digits, then lowercase words joined by hyphens), e.g. "${suggestion}.md"`;
}

export function partNamingHint(name: string): string {
  return `Part folders are named NN-slug (two digits, then lowercase words joined by hyphens), e.g. "${numberedSuggestion(name)}"`;
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
