import type { Course, Site } from '../content/model.js';
import { pairedChapter } from '../content/translations.js';
import { certificateUrl, searchUrlOf } from '../content/urls.js';

/** One version of a page: its language and its URL (a path; the layout makes it absolute). */
export interface PageVersion {
  readonly language: string;
  readonly url: string;
}

/** Every version of each page that has translations, its own included, by the page's URL. */
export type Translations = ReadonlyMap<string, readonly PageVersion[]>;

function addGroup(into: Map<string, PageVersion[]>, versions: PageVersion[], order: string[]) {
  if (versions.length < 2) return;
  versions.sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language));
  for (const version of versions) into.set(version.url, versions);
}

function addCourses(into: Map<string, PageVersion[]>, group: readonly Course[], order: string[]) {
  const of = (course: Course, url: string) => ({ language: course.language, url });
  addGroup(
    into,
    group.map((c) => of(c, c.url)),
    order,
  );
  addGroup(
    into,
    group.map((c) => of(c, certificateUrl(c.slug, c.home))),
    order,
  );
  for (const course of group) {
    for (const chapter of course.chapters) {
      if (into.has(chapter.url)) continue;
      const versions = [of(course, chapter.url)];
      for (const other of group.filter((c) => c !== course)) {
        const twin = pairedChapter(chapter, course.chapters, other.chapters);
        if (twin) versions.push(of(other, twin.url));
      }
      addGroup(into, versions, order);
    }
  }
}

/**
 * The translations stage: which pages are versions of each other. The catalogs and search pages
 * of every language; courses with one translationKey, their certificates, and their chapters
 * paired by key or by place. Every version lists all of them, so the links go both ways.
 */
export function translationsOf(site: Site): Translations {
  const order = site.languages.map((text) => text.language);
  const into = new Map<string, PageVersion[]>();
  const homes = site.languages.map((text) => ({ language: text.language, url: text.home }));
  addGroup(into, homes, order);
  addGroup(
    into,
    homes.map((h) => ({ ...h, url: searchUrlOf(h.url) })),
    order,
  );
  const groups = new Map<string, Course[]>();
  for (const course of site.courses) {
    if (course.translationKey === undefined) continue;
    groups.set(course.translationKey, [...(groups.get(course.translationKey) ?? []), course]);
  }
  for (const group of groups.values()) addCourses(into, group, order);
  return into;
}
