import type { Course, Site } from '../content/model.js';
import type { PageContext } from '../pages/page-context.js';
import type { SocialImageModel } from '../pages/view-model.js';
import {
  catalogPage,
  coursePages,
  siteLevelKey,
  STATUS_CODES,
  statusPage,
  type PageLanguage,
} from '../pages/site-pages.js';
import { translationsOf, type Translations } from '../pages/translations.js';
import { translators } from '../i18n/translator.js';
import { pageKey, type KeyedPage } from './views-stage.js';

export type CoursePagesMemo = WeakMap<Course, { siteKey: string; pages: readonly KeyedPage[] }>;

export interface PagesStageInput {
  readonly site: Site;
  readonly context: PageContext;
  readonly referenceToken: string;
  readonly templatesKey: string;
  /** The render key of each body, by its HTML: pages name their body by it. */
  readonly bodyKeys: ReadonlyMap<string, string>;
  readonly memo: CoursePagesMemo;
  readonly languages: PageLanguages;
  /**
   * The picture each course's pages offer when shared, by slug. Not part of a page set's key:
   * it is a function of the course and the site-level fields, which the key already holds.
   */
  readonly shareImages: ReadonlyMap<string, SocialImageModel>;
}

/** Each language of the site, ready for its pages: its text, its translator, the translations. */
export interface PageLanguages {
  readonly of: (language: string) => PageLanguage;
  /** Every language of the site, its own first. */
  readonly all: readonly PageLanguage[];
  readonly translations: Translations;
}

/** `images`: each language's share card, but the site's own (see ShareImages.byLanguage). */
export function pageLanguages(
  site: Site,
  images: ReadonlyMap<string, SocialImageModel> = new Map(),
): PageLanguages {
  const translatorOf = translators(site.locales);
  const translations = translationsOf(site);
  const names = new Map(site.languages.map((text) => [text.language, translatorOf(text.language).locale.name]));
  const languages = new Map(
    site.languages.map((text) => [
      text.language,
      {
        text,
        tr: translatorOf(text.language),
        translations,
        names,
        browserTexts: new Map(),
        shareImage: images.get(text.language),
      },
    ]),
  );
  return {
    of: (language) => languages.get(language) ?? languages.get(site.language)!,
    all: [...languages.values()],
    translations,
  };
}

/** The versions of a course's pages: a course's pages change when a translation's URLs do. */
function versionsKey(course: Course, translations: Translations): string {
  return JSON.stringify([course.url, ...course.chapters.map((c) => c.url)].map((url) => translations.get(url) ?? null));
}

/**
 * The pages stage: the Site -> one keyed view model per page. A course whose Course object is
 * the last build's (the assemble stage reuses it when none of its files changed), under the same
 * site-level key and templates, keeps its pages and their keys: after a save, only the edited
 * course's pages are made and hashed again.
 */
export function pagesStage(input: PagesStageInput) {
  const { site, context, templatesKey, bodyKeys } = input;
  const keyed = (page: KeyedPage['page']) => ({ page, key: pageKey(page, templatesKey, bodyKeys) });
  const siteKey = `${templatesKey}\0${siteLevelKey(site, context)}`;
  const { languages } = input;
  const pages: KeyedPage[] = site.languages.map((text) =>
    keyed(catalogPage(site, languages.of(text.language), context)),
  );
  for (const course of site.courses) {
    const courseKey = `${siteKey}\0${versionsKey(course, languages.translations)}`;
    const kept = input.memo.get(course);
    if (kept?.siteKey === courseKey) {
      pages.push(...kept.pages);
      continue;
    }
    const share = input.shareImages.get(course.slug);
    const language = languages.of(course.language);
    const made = coursePages(site, course, language, context, share).map(keyed);
    input.memo.set(course, { siteKey: courseKey, pages: made });
    pages.push(...made);
  }
  const statusPages = site.languages.flatMap((text) =>
    STATUS_CODES.map((status) => {
      const reference = status >= 500 ? input.referenceToken : undefined;
      return keyed(statusPage(site, status, languages.of(text.language), context, reference));
    }),
  );
  return { pages, statusPages };
}
