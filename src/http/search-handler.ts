import type { RequestHandler } from 'express';
import { isSearchUrl } from '../content/urls.js';
import { readPageNumber, readQuery, searchResultsPage } from '../pages/search-page.js';
import { createViews, type Views } from '../render/views.js';
import {
  createSearchIndex,
  loadSearchIndex,
  searchPages,
  type SearchIndex,
} from '../search/search-index.js';
import type { RenderedSite } from '../render/render-site.js';
import type { SearchDocument } from '../search/search-documents.js';
import type { ServedSearch } from '../search/served-search.js';
import { pageFileUrl } from '../search/static-index.js';
import { statusPage } from './handlers.js';
import { servePrepared } from './serve-prepared.js';
import type { SiteHolder } from './site-holder.js';

/** The index a site's search answers from: the build's own, or one made once from its documents. */
function indexer() {
  const made = new WeakMap<ServedSearch, SearchIndex>();
  return (search: ServedSearch): SearchIndex => {
    let index = search.index ?? made.get(search);
    if (!index) {
      index = search.serialized
        ? loadSearchIndex(search.serialized, search.documents)
        : createSearchIndex(search.documents);
      made.set(search, index);
    }
    return index;
  };
}

/** A document from the static index's page file: what a process read from a snapshot has. */
function pageFile(responses: RenderedSite['responses'], url: string): SearchDocument | undefined {
  const file = responses.get(pageFileUrl(url));
  return file && (JSON.parse(file.identity.body.toString('utf8')) as SearchDocument);
}

/** The templates the search page is laid out with, compiled again when one changed. */
function viewsCache() {
  let compiled: { key: string; dir: string; views: Views } | undefined;
  return (search: ServedSearch): Views => {
    if (compiled?.key !== search.templatesKey || compiled.dir !== search.viewsDir)
      compiled = {
        key: search.templatesKey,
        dir: search.viewsDir,
        views: createViews(search.viewsDir, search.locales),
      };
    return compiled.views;
  };
}

/**
 * `/search/?q=`: the one page that depends on its query, so it cannot be prepared. A thin
 * handler: the query and page number are read and bounded, the index answers, and the page is
 * laid out with the site's own layout (Express has set the security headers already). A page
 * number past the end shows the last page; one that is not a number is a 404, never a 500.
 */
export function searchHandler(holder: SiteHolder): RequestHandler {
  const indexOf = indexer();
  const viewsOf = viewsCache();
  // A process that read its site from a snapshot loads the index once it is listening, rather
  // than at its first query (a second or so at 4,000 chapters).
  const { search } = holder.current();
  if (search && !search.index) setImmediate(() => indexOf(search));
  return function searchMiddleware(req, res, next) {
    const { search } = holder.current();
    const base = isSearchUrl(req.path) ? search?.pages.find((p) => p.url === req.path) : undefined;
    if (!search || !base) return next();
    const pageNumber = readPageNumber(req.query.page);
    if (pageNumber === undefined) return servePrepared(req, res, statusPage(holder, 404, req.path));
    const query = readQuery(req.query.q);
    const index = indexOf(search);
    const responses = holder.current().responses;
    const documentOf = (url: string) => index.documents.get(url) ?? pageFile(responses, url);
    const hits = query.text ? searchPages(index.miniSearch, query.text) : [];
    const views = viewsOf(search);
    const page = searchResultsPage(base, query, hits, pageNumber, documentOf, views.translator);
    const html = views.render(page);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  };
}
