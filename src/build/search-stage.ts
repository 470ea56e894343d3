import type { Site } from '../content/model.js';
import type { PageContext } from '../pages/page-context.js';
import type { PageLanguage } from '../pages/site-pages.js';
import { searchPage } from '../pages/search-page.js';
import type { HeaderList, PreparedResponse } from '../render/prepared-response.js';
import type { PublicAsset } from '../render/public-assets.js';
import { SEARCH_LIBRARY_NAME } from '../render/search-library.js';
import { staticIndexResponses } from '../render/search-responses.js';
import { searchDocuments, type DocumentsMemo } from '../search/search-documents.js';
import {
  createSearchIndex,
  updateSearchIndex,
  type SearchIndex,
} from '../search/search-index.js';
import type { ServedSearch } from '../search/served-search.js';
import { STATIC_INDEX_URL, staticIndexFiles } from '../search/static-index.js';
import { pageKey, type KeyedPage } from './views-stage.js';

/** The search index a pipeline keeps between builds, and the documents of each course. */
export interface SearchState {
  readonly documents: DocumentsMemo;
  index: SearchIndex | undefined;
}

export function createSearchState(): SearchState {
  return { documents: new WeakMap(), index: undefined };
}

export interface SearchStageInput {
  readonly site: Site;
  readonly state: SearchState;
  /** Whether to make the static index's files (development's server needs none). */
  readonly withStaticIndex: boolean;
  readonly context: PageContext;
  /** The site's languages: each has its search page. */
  readonly languages: readonly PageLanguage[];
  readonly publicAssets: ReadonlyMap<string, PublicAsset>;
  readonly templatesKey: string;
  readonly bodyKeys: ReadonlyMap<string, string>;
  readonly viewsDir: string;
}

/** The search page before any query: as the server shows it, and as the export writes it. */
function searchPages(input: SearchStageInput) {
  const url = (name: string) => {
    const asset = input.publicAssets.get(name);
    if (!asset) throw new Error(`public/${name} is missing: the search page needs it`);
    return asset.url;
  };
  const assets = {
    scriptUrl: url('js/search.js'),
    libraryUrl: url(SEARCH_LIBRARY_NAME),
    indexUrl: STATIC_INDEX_URL,
  };
  return input.languages.map((language) => ({
    server: searchPage(input.site, language, input.context, 'server', assets),
    static: searchPage(input.site, language, input.context, 'static', assets),
  }));
}

/**
 * The search stage: the Site -> its pages' documents, the server's index, the static index's
 * files and the search pages. The index is kept and brought up to date: after a save, the
 * edited course's documents are indexed again and the rest stay, so a chapter saved in
 * development is found at once. The export's search page is laid out with the other pages;
 * `responses` then gives everything search adds to the site.
 */
export function searchStage(input: SearchStageInput) {
  const { state } = input;
  const documents = searchDocuments(input.site, state.documents);
  const fresh = !state.index;
  if (state.index) updateSearchIndex(state.index, documents);
  else state.index = createSearchIndex(documents);
  const index = state.index;
  // The files come from an index made in one go, so that they are the same bytes however the
  // kept index got here (its internal ids depend on the order of the saves).
  const files = input.withStaticIndex
    ? staticIndexFiles(fresh ? index : createSearchIndex(documents))
    : [];
  const pages = searchPages(input);
  const staticPages: KeyedPage[] = pages.map(({ static: page }) => ({
    page,
    key: pageKey(page, input.templatesKey, input.bodyKeys),
  }));
  const responses = (
    staticResponses: readonly PreparedResponse[],
    headers: HeaderList,
    kept: (key: string, make: () => PreparedResponse) => PreparedResponse,
  ) => {
    const all = staticIndexResponses(files, headers, kept);
    staticPages.forEach(({ page }, i) => all.set(page.url, staticResponses[i]!));
    const served: ServedSearch = {
      documents,
      pages: pages.map(({ server }) => server),
      viewsDir: input.viewsDir,
      templatesKey: input.templatesKey,
      locales: input.site.locales,
      index,
    };
    return { responses: all, served };
  };
  return { staticPages, responses };
}
