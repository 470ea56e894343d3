// Search, enhanced. Without this script the search page is a plain form: the server answers it,
// and on a static host the page says that search needs JavaScript. With it, results come as
// you type, arrow keys move through them, and on a static host the browser answers the query
// itself from the index the export wrote, fetching only the pieces the query needs.
//
// The functions down to "The page" are copies of the server's (src/search/search-options.ts,
// src/search/excerpt.ts, src/pages/search-page.ts): test/search/browser-search.test.ts runs
// this file beside them and holds the answers equal.

const DEBOUNCE_MS = 150;
const RESULTS_PER_PAGE = 20;
const MAX_QUERY_WORDS = 8;
const MAX_QUERY_CHARACTERS = 100;

const ASCII = /^\p{ASCII}*$/u;

/** The page's text (site.js's window.lecternText); outside a page, or without it, the key. */
/** The page's language (site.js's window.lecternLang); outside a page, English. */
function searchLang() {
  const lang = typeof window === 'undefined' ? undefined : window.lecternLang;
  return typeof lang === 'function' ? lang() : 'en';
}

function searchText(key, params) {
  const text = typeof window === 'undefined' ? undefined : window.lecternText;
  return typeof text === 'function' ? text(key, params) : key;
}

function normalizeText(text) {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function normalizeTerm(term) {
  const normalized = normalizeText(term);
  return normalized === '' ? null : normalized;
}

function fieldOf(document, field) {
  if (field === 'title') return document.title;
  if (field === 'course') return [document.course, document.part].filter(Boolean).join(' ');
  if (field === 'headings') return document.sections.map((s) => s.heading ?? '').join(' \n ');
  return document.sections.map((s) => s.text).join(' \n ');
}

const QUERY_OPTIONS = {
  boost: { title: 4, headings: 2, text: 1, course: 0.5 },
  processTerm: normalizeTerm,
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  fuzzy: false,
};

const TYPO_OPTIONS = {
  ...QUERY_OPTIONS,
  fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0),
};

function indexOptions() {
  return {
    idField: 'url',
    fields: ['title', 'headings', 'text', 'course'],
    storeFields: [],
    processTerm: (term) => term || null,
    extractField: (document, field) =>
      field === 'url' ? document.url : normalizeText(fieldOf(document, field)),
    searchOptions: QUERY_OPTIONS,
  };
}

function readQuery(raw) {
  const words = (raw ?? '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .split(' ');
  const kept = words.slice(0, MAX_QUERY_WORDS).join(' ');
  const characters = [...kept];
  const text = characters.slice(0, MAX_QUERY_CHARACTERS).join('').trim();
  if (words.length > MAX_QUERY_WORDS) return { text, cut: 'words' };
  if (characters.length > MAX_QUERY_CHARACTERS) return { text, cut: 'characters' };
  return { text, cut: undefined };
}

function noticeOf(query) {
  if (query.cut === 'words') return searchText('search.cutWords', { count: MAX_QUERY_WORDS });
  if (query.cut === 'characters')
    return searchText('search.cutCharacters', { count: MAX_QUERY_CHARACTERS });
  return undefined;
}

const SEPARATORS = /([\n\r\p{Z}\p{P}]+)/u;

function tokens(text) {
  const normalized = normalizeText(text).split(SEPARATORS);
  return text.split(SEPARATORS).flatMap((part, i) => {
    if (part === '') return [];
    return [{ text: part, term: normalized[i] ?? '', word: i % 2 === 0 }];
  });
}

function hits(text, terms) {
  if (!text) return 0;
  const normalized = normalizeText(text);
  const present = [...terms].filter((term) => normalized.includes(term));
  if (present.length === 0) return 0;
  return present.filter((term) => hasWord(normalized, term)).length;
}

const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;

/** Whether the term is in the text as a whole word, not only inside a longer one. */
function hasWord(text, term) {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const before = at === 0 || SEPARATOR.test(text[at - 1]);
    const end = at + term.length;
    if (before && (end === text.length || SEPARATOR.test(text[end]))) return true;
  }
  return false;
}

function bestSection(sections, terms) {
  let best;
  let bestScore = 0;
  for (const section of sections) {
    const score = hits(section.heading, terms) * 1000 + hits(section.text, terms);
    if (score > bestScore) [best, bestScore] = [section, score];
  }
  return best;
}

function merged(segments) {
  const result = [];
  for (const segment of segments) {
    const last = result[result.length - 1];
    if (last && !last.mark && !segment.mark)
      result[result.length - 1] = { text: last.text + segment.text, mark: false };
    else result.push(segment);
  }
  return result;
}

function excerpt(text, terms) {
  const parts = tokens(text);
  const isHit = (part) => part.word && terms.has(part.term);
  const offsets = [];
  parts.reduce((at, part) => (offsets.push(at), at + part.text.length), 0);
  const first = Math.max(0, parts.findIndex(isHit));
  let start = first;
  while (start > 0 && offsets[first] - offsets[start - 1] <= 60) start--;
  const segments = start > 0 ? [{ text: '…', mark: false }] : [];
  let length = 0;
  let at = start;
  for (; at < parts.length && length < 200; at++) {
    const part = parts[at];
    if (at === start && !part.word) continue;
    segments.push({ text: part.text, mark: isHit(part) });
    length += part.text.length;
  }
  if (at < parts.length) segments.push({ text: ' …', mark: false });
  return merged(segments);
}

function resultOf(hit) {
  const { document } = hit;
  const terms = new Set(hit.terms);
  const best = hit.inTitle ? undefined : bestSection(document.sections, terms);
  const text = best?.text || document.sections.find((s) => s.text !== '')?.text || '';
  const where = [document.course, document.part].filter(Boolean).join(' › ');
  return {
    url: best?.id ? `${document.url}#${best.id}` : document.url,
    title: document.title,
    context: document.kind === 'course' ? searchText('search.contextCourse') : where,
    heading: best?.heading,
    excerpt: excerpt(text, terms),
    lang: document.language === searchLang() ? undefined : document.language,
  };
}

function summaryOf(query, total) {
  if (total === 0) return searchText('search.none', { query });
  return searchText('search.summary', { count: total, query });
}

function pageLink(query, page, url) {
  const q = `?q=${encodeURIComponent(query).replace(/%20/g, '+')}`;
  return `${url}${q}${page > 1 ? `&page=${page}` : ''}`;
}

// ---------- The static index (src/search/static-index.ts writes it) ----------

function shardOf(term) {
  return Array.from(term).slice(0, 2).join('');
}

function pageFileUrl(url) {
  return `/search/pages${url.replace(/\/$/, '')}.json`;
}

/** Fetches JSON once per URL; a failed fetch is forgotten, so that the next query tries again. */
function createLoader(fetchJson) {
  const cache = new Map();
  return (url) => {
    if (!cache.has(url)) {
      const loading = fetchJson(url).catch((error) => {
        cache.delete(url);
        throw error;
      });
      cache.set(url, loading);
    }
    return cache.get(url);
  };
}

// A language's home, as src/content/urls.ts's homeOf reads it from a URL.
const LANGUAGE_HOME = /^\/[a-z]{2,3}(?:-[a-z]{2})?\//;

/** The pages in the search page's language first, as the server's ownLanguageFirst. */
function ownLanguageFirst(results, home) {
  const homeOf = (url) => LANGUAGE_HOME.exec(url)?.[0] ?? '/';
  const own = results.filter((result) => homeOf(String(result.id)) === home);
  return [...own, ...results.filter((result) => homeOf(String(result.id)) !== home)];
}

function runSearch(miniSearch, query) {
  let results = miniSearch.search(query, { ...QUERY_OPTIONS, combineWith: 'AND' });
  if (results.length === 0)
    results = miniSearch.search(query, { ...TYPO_OPTIONS, combineWith: 'AND' });
  if (results.length === 0)
    results = miniSearch.search(query, { ...TYPO_OPTIONS, combineWith: 'OR' });
  return results;
}

/**
 * Answers a query from the static index: the entry file, the term files of the query's words,
 * then the page files of the results shown. Resolves to what the page shows.
 */
async function searchStatic(MiniSearch, load, indexUrl, query, requested, home = '/') {
  const entry = await load(indexUrl);
  const words = MiniSearch.getDefault('tokenize')(query).map(normalizeTerm).filter(Boolean);
  const shardUrls = [...new Set(words.map(shardOf))].map((key) => entry.terms[key]).filter(Boolean);
  const shards = await Promise.all(shardUrls.map(load));
  const miniSearch = MiniSearch.loadJS(
    { ...entry.miniSearch, index: shards.flat() },
    indexOptions(),
  );
  const results = ownLanguageFirst(runSearch(miniSearch, query), home);
  const pages = Math.max(1, Math.ceil(results.length / RESULTS_PER_PAGE));
  const page = Math.min(requested, pages);
  const shown = results.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const documents = await Promise.all(shown.map((result) => load(pageFileUrl(result.id))));
  const answers = shown.map((result, i) => {
    const inTitle = result.terms.every((term) => result.match[term]?.includes('title'));
    return resultOf({ document: documents[i], terms: result.terms, inTitle });
  });
  return { total: results.length, page, pages, results: answers };
}

// ---------- The page ----------

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The markup of views/partials/search-result.ejs, made with the DOM (never from strings). */
function resultElement(result) {
  const item = element('li', 'search-result');
  if (result.lang) item.lang = result.lang;
  const link = element('a', 'search-result-link');
  link.href = result.url;
  link.append(element('span', 'search-result-title', result.title));
  if (result.heading) link.append(' ', element('span', 'search-result-heading', result.heading));
  const excerptNode = element('p', 'search-result-excerpt');
  for (const segment of result.excerpt)
    excerptNode.append(segment.mark ? element('mark', '', segment.text) : segment.text);
  item.append(link, element('p', 'search-result-context', result.context), excerptNode);
  return item;
}

function pagerElement(query, page, pages, url) {
  const nav = element('nav', 'search-pager');
  nav.setAttribute('aria-label', searchText('search.pagerLabel'));
  const link = (to, label, rel) => {
    const a = element('a', 'search-pager-link', label);
    a.href = pageLink(query, to, url);
    a.rel = rel;
    return a;
  };
  if (page > 1) nav.append(link(page - 1, searchText('search.previous'), 'prev'));
  const label = searchText('search.pageOf', { page, pages });
  nav.append(element('span', 'search-pager-label', label));
  if (page < pages) nav.append(link(page + 1, searchText('search.next'), 'next'));
  return nav;
}

/** The markup of views/partials/search-results.ejs, for an answer found in the browser. */
function answerElement(query, answer, catalogUrl, url) {
  const container = element('div', 'search-answer');
  container.dataset.searchResults = '';
  if (answer.total === 0) {
    // The sentence's {catalog} is the link, as on the server's page (asked without it, the
    // placeholder is left in the text).
    const [before, ...after] = searchText('search.nothingFound').split('{catalog}');
    const nothing = element('p', 'search-nothing', before);
    const catalog = element('a', '', searchText('search.browseAll'));
    catalog.href = catalogUrl;
    nothing.append(catalog, after.join('{catalog}'));
    container.append(nothing);
  }
  if (answer.results.length > 0) {
    const list = element('ol', 'search-results');
    list.append(...answer.results.map(resultElement));
    container.append(list);
  }
  if (answer.pages > 1) container.append(pagerElement(query, answer.page, answer.pages, url));
  return container;
}

function showNotice(root, notice) {
  let node = root.querySelector('[data-search-notice]');
  if (!notice) return node?.remove();
  if (!node) {
    node = element('p', 'search-notice');
    node.dataset.searchNotice = '';
    root.querySelector('form').after(node);
  }
  node.textContent = notice;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${url} did not load`));
    document.head.append(script);
  });
}

/** A static host: the browser answers, from the index the export wrote. */
function staticAnswerer(root, url) {
  const load = createLoader(fetchJson);
  let library;
  return async (query, page) => {
    library ??= loadScript(root.dataset.searchLibrary)
      .then(() => window.MiniSearch)
      .catch((error) => {
        library = undefined;
        throw error;
      });
    const { searchIndex, searchCatalog } = root.dataset;
    const answer = await searchStatic(await library, load, searchIndex, query, page, searchCatalog);
    return {
      summary: summaryOf(query, answer.total),
      results: answerElement(query, answer, root.dataset.searchCatalog, url),
    };
  };
}

/** A server: it answers, and its page's results replace these. */
function serverAnswerer(url) {
  return async (query, page) => {
    const response = await fetch(pageLink(query, page, url), { headers: { Accept: 'text/html' } });
    const html = new DOMParser().parseFromString(await response.text(), 'text/html');
    const results = html.querySelector('[data-search-results]');
    if (!response.ok || !results) throw new Error(`The search answered ${response.status}`);
    return { summary: html.querySelector('[data-search-summary]')?.textContent ?? '', results };
  };
}

/** Arrow keys: down from the box to the results (once the last keystroke is answered), and back. */
function setUpKeys(root, input, settled) {
  const links = () => [...root.querySelectorAll('.search-result-link')];
  input.addEventListener('keydown', async (event) => {
    if (event.key !== 'ArrowDown') return;
    event.preventDefault();
    await settled();
    links()[0]?.focus();
  });
  root.addEventListener('keydown', (event) => {
    // The box's own arrow is handled above (its focus may move before the event gets here).
    if (event.target === input || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at === -1) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? input : all[Math.min(next, all.length - 1)]).focus();
  });
}

/** Shows the answer to a query; an answer that arrives after a later query's is dropped. */
function createShow(root, answer, url) {
  const summary = root.querySelector('[data-search-summary]');
  const results = () => root.querySelector('[data-search-results]');
  let asked = 0;
  return async (raw, page) => {
    const mine = ++asked;
    const query = readQuery(raw);
    history.replaceState(null, '', query.text === '' ? url : pageLink(query.text, page, url));
    showNotice(root, noticeOf(query));
    if (query.text === '') {
      summary.textContent = '';
      results().replaceChildren();
      return;
    }
    try {
      const shown = await answer(query.text, page);
      if (mine !== asked) return;
      results().replaceWith(shown.results);
      // The summary is a status region: screen readers announce the new count.
      summary.textContent = shown.summary;
    } catch {
      if (mine === asked) summary.textContent = searchText('search.unavailable');
    }
  };
}

function setUpSearch(root) {
  const input = root.querySelector('[data-search-input]');
  const isStatic = root.dataset.searchMode === 'static';
  // The page's own search URL (each language has one: /search/, /fr/search/), as its form says.
  const url = root.querySelector('form').getAttribute('action') || '/search/';
  const answer = isStatic ? staticAnswerer(root, url) : serverAnswerer(url);
  const show = createShow(root, answer, url);
  root.querySelector('[data-search-needs-js]')?.remove();
  let timer;
  let latest = Promise.resolve();
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    latest = show(input.value, 1);
    return latest;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(now, DEBOUNCE_MS);
  });
  root.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    void now();
  });
  setUpKeys(root, input, () => (timer === undefined ? latest : now()));
  const params = new URLSearchParams(location.search);
  if (isStatic && params.get('q')) {
    input.value = params.get('q');
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
    latest = show(input.value, page);
  }
}

if (typeof document !== 'undefined') {
  const root = document.querySelector('[data-search]');
  if (root) setUpSearch(root);
}
