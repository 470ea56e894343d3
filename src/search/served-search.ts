import type { Page } from '../pages/view-model.js';
import type { SearchDocument } from './search-documents.js';
import type { SearchIndex } from './search-index.js';

/**
 * What a server process needs to answer `/search/?q=`: the pages' documents, the search page
 * before any query, and the templates it is laid out with. Plain data (a snapshot holds it),
 * except the index: a build hands over the one it keeps up to date; a process that read the
 * site from a snapshot makes its own from the documents, once.
 */
export interface ServedSearch {
  readonly documents: readonly SearchDocument[];
  readonly page: Page;
  readonly viewsDir: string;
  /** Changes when a template does: the handler then compiles them again. */
  readonly templatesKey: string;
  readonly index?: SearchIndex;
  /** The index as MiniSearch serialises it, in a snapshot: loading it is faster than indexing. */
  readonly serialized?: string;
}
