import type { Course, Site } from '../content/model.js';
import type { PageContext } from '../pages/page-context.js';
import type { SocialImageModel } from '../pages/view-model.js';
import {
  catalogPage,
  coursePages,
  siteLevelKey,
  STATUS_CODES,
  statusPage,
} from '../pages/site-pages.js';
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
  /**
   * The picture each course's pages offer when shared, by slug. Not part of a page set's key:
   * it is a function of the course and the site-level fields, which the key already holds.
   */
  readonly shareImages: ReadonlyMap<string, SocialImageModel>;
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
  const pages: KeyedPage[] = [keyed(catalogPage(site, context))];
  for (const course of site.courses) {
    const kept = input.memo.get(course);
    if (kept?.siteKey === siteKey) {
      pages.push(...kept.pages);
      continue;
    }
    const share = input.shareImages.get(course.slug);
    const made = coursePages(site, course, context, share).map(keyed);
    input.memo.set(course, { siteKey, pages: made });
    pages.push(...made);
  }
  const statusPages = STATUS_CODES.map((status) =>
    keyed(statusPage(site, status, context, status >= 500 ? input.referenceToken : undefined)),
  );
  return { pages, statusPages };
}
