import type { Locale } from '../i18n/messages.js';
import { localeFor } from '../i18n/read-locales.js';
import { errorAt, warningAt, type ContentProblem } from './content-problem.js';
import type { ContentStructure, IndexedCourse } from './index-content.js';

/**
 * The chapter of `other` that translates `chapter` of `course`: the one with its translationKey,
 * else the one at its place that names no key either.
 */
export function pairedChapter<Item extends { readonly translationKey: string | undefined }>(
  chapter: Item,
  chapters: readonly Item[],
  others: readonly Item[],
): Item | undefined {
  if (chapter.translationKey !== undefined)
    return others.find((other) => other.translationKey === chapter.translationKey);
  const twin = others[chapters.indexOf(chapter)];
  return twin && twin.translationKey === undefined ? twin : undefined;
}

function localeProblems(structure: ContentStructure, locales: readonly Locale[]): ContentProblem[] {
  const known = locales.map((locale) => locale.code).join(', ');
  const advice = (language: string) =>
    `No interface text in "${language}": add views/locales/${language.split('-')[0]}.yaml, or fix its errors if it has some (there are: ${known})`;
  const problems: ContentProblem[] = [];
  const { site } = structure;
  if (site && !localeFor(locales, site.data.language))
    problems.push(
      errorAt(site.relative, 'language', advice(site.data.language), site.locate(['language'])),
    );
  for (const course of structure.courses) {
    if (course.parsed.data.language === undefined || localeFor(locales, course.language)) continue;
    const at = course.parsed.locate(['language']);
    problems.push(errorAt(course.parsed.relative, 'language', advice(course.language), at));
  }
  return problems;
}

function chapterProblems(group: readonly IndexedCourse[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const course of group) {
    const seen = new Set<string>();
    for (const chapter of course.chapters) {
      const key = chapter.data.translationKey;
      if (key === undefined) continue;
      const at = chapter.locate(['translationKey']);
      if (seen.has(key)) {
        const message = `Another chapter of this course has translationKey "${key}": each pairs one chapter`;
        problems.push(errorAt(chapter.relative, 'translationKey', message, at));
      }
      seen.add(key);
      for (const other of group.filter((c) => c !== course)) {
        if (other.chapters.some((c) => c.data.translationKey === key)) continue;
        const message = `No chapter of "${other.slug}" has translationKey "${key}": give its translation the same one`;
        problems.push(warningAt(chapter.relative, 'translationKey', message, at));
      }
    }
  }
  return problems;
}

function groupProblems(key: string, group: readonly IndexedCourse[]): ContentProblem[] {
  const [first] = group;
  if (group.length === 1 && first) {
    const message = `No other course has translationKey "${key}": give the same one to the course that translates this one, or remove it`;
    const at = first.parsed.locate(['translationKey']);
    return [errorAt(first.parsed.relative, 'translationKey', message, at)];
  }
  const problems: ContentProblem[] = [];
  const byLanguage = new Map<string, IndexedCourse>();
  for (const course of group) {
    const same = byLanguage.get(course.language);
    if (same) {
      const message = `"${same.slug}" is in "${course.language}" too and has translationKey "${key}": translations of one course are each in another language`;
      const at = course.parsed.locate(['translationKey']);
      problems.push(errorAt(course.parsed.relative, 'translationKey', message, at));
    } else byLanguage.set(course.language, course);
  }
  return problems.length > 0 ? problems : chapterProblems(group);
}

/** A course's chapter keys pair nothing while the course itself names no translation. */
function unpairedChapterKeys(structure: ContentStructure): ContentProblem[] {
  return structure.courses.flatMap((course) =>
    course.parsed.data.translationKey !== undefined
      ? []
      : course.chapters.flatMap((chapter) => {
          if (chapter.data.translationKey === undefined) return [];
          const message =
            'This pairs the chapter with a translation only once its course.md gives a translationKey too';
          const at = chapter.locate(['translationKey']);
          return [warningAt(chapter.relative, 'translationKey', message, at)];
        }),
  );
}

/** A language with courses whose pages would show site.yaml's own title or description. */
function untranslatedSiteText(structure: ContentStructure): ContentProblem[] {
  const { site } = structure;
  if (!site) return [];
  const languages = new Set(structure.courses.map((course) => course.language));
  languages.delete(site.data.language);
  return [...languages].flatMap((language) => {
    const text = site.data.languages[language] ?? site.data.languages[language.split('-')[0]!];
    const missing = (['title', 'description'] as const).filter((field) => !text?.[field]);
    if (missing.length === 0) return [];
    const message = `Courses are in "${language}", but site.yaml gives no ${missing.join(' nor ')} in it under languages.${language}: its pages show the site's own`;
    return [warningAt(site.relative, 'languages', message, site.locate(['languages']))];
  });
}

/**
 * What only all the courses together show about languages: a language with no interface text,
 * a translationKey no other course gives, two translations in one language.
 */
export function languageProblems(
  structure: ContentStructure,
  locales: readonly Locale[],
): ContentProblem[] {
  const groups = new Map<string, IndexedCourse[]>();
  for (const course of structure.courses) {
    const key = course.parsed.data.translationKey;
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), course]);
  }
  return [
    ...localeProblems(structure, locales),
    ...[...groups].flatMap(([key, group]) => groupProblems(key, group)),
    ...unpairedChapterKeys(structure),
    ...untranslatedSiteText(structure),
  ];
}
