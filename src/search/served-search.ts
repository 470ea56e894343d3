import type { Page } from '../pages/view-model.js';
import type { Locale } from '../i18n/messages.js';
import type { SearchDocument } from './search-documents.js';
import type { SearchIndex } from './search-index.js';

/**
 * What a server process needs to answer `/search/?q=`: the pages' documents, the search page
 * before any query, and the templates it is laid out with. Plain data (a snapshot holds it),
 * except the index: a build hands over the one it keeps up to date; a process that read the
 * site from a snapshot loads the serialised one, and reads the documents of the results it
 * shows from the static index's page files, which the snapshot holds already.
 */
export interface ServedSearch {
  /** Empty in a snapshot: the static index's page files hold the same. */
  readonly documents: readonly SearchDocument[];
  /** Each language's search page before any query, by its URL's order: `/search/`, `/fr/search/`. */
  readonly pages: readonly Page[];
  readonly viewsDir: string;
  /** Changes when a template or a locale does: the handler then compiles them again. */
  readonly templatesKey: string;
  /** The site's interface text, which the templates read. */
  readonly locales: readonly Locale[];
  readonly index?: SearchIndex;
  /** The index as MiniSearch serialises it, in a snapshot: loading it is faster than indexing. */
  readonly serialized?: string;
}
