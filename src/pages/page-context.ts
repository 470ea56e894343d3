import type { ContentScript } from '../markdown/markdown-env.js';
import type { NoticeModel, SocialImageModel } from './view-model.js';

/** What the pages need from outside the content: where they live and their assets' URLs. */
export interface PageContext {
  /** Absolute base URL without a trailing slash, e.g. https://courses.example.com. */
  readonly siteUrl: string;
  readonly stylesheetUrl: string;
  readonly iconUrl: string;
  readonly scriptUrls: readonly string[];
  /** The scripts only pages whose content needs them load (a quiz, a code block). */
  readonly contentScriptUrls: Readonly<Record<ContentScript, string>>;
  /** The picture every page offers when shared, with an absolute URL; pages say what it shows. */
  readonly socialImage: Omit<SocialImageModel, 'alt'>;
  readonly notices: readonly NoticeModel[];
}
