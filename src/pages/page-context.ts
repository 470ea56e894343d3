import type { NoticeModel, SocialImageModel } from './view-model.js';

/** What the pages need from outside the content: where they live and their assets' URLs. */
export interface PageContext {
  /** Absolute base URL without a trailing slash, e.g. https://courses.example.com. */
  readonly siteUrl: string;
  readonly stylesheetUrl: string;
  readonly iconUrl: string;
  readonly scriptUrls: readonly string[];
  /** The picture every page offers when shared, with an absolute URL. */
  readonly socialImage: SocialImageModel;
  readonly notices: readonly NoticeModel[];
}
