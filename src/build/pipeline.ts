import { createHash } from 'node:crypto';
import path from 'node:path';
import { assembleSite, type CourseMemo } from '../content/assemble-site.js';
import {
  ContentError,
  showProblems,
  type ContentProblem,
  type Staged,
} from '../content/content-problem.js';
import { displayPath } from '../content/display-path.js';
import { indexContent, type ContentStructure } from '../content/index-content.js';
import type { Site } from '../content/model.js';
import {
  parseSource,
  type ParsedChapter,
  type ParsedCourse,
  type ParsedPart,
  type ParsedSource,
} from '../content/parse-source.js';
import {
  listContent,
  readContent,
  type ContentFiles,
  type Listed,
} from '../content/read-content.js';
import type { MarkdownSource, RenderedDocument } from '../content/render-document.js';
import type { NoticeModel } from '../pages/view-model.js';
import type { PageBytes } from '../render/page-bytes.js';
import type { PreparedResponse } from '../render/prepared-response.js';
import { readPublicAssets } from '../render/public-assets.js';
import { readSearchLibrary, SEARCH_LIBRARY_NAME } from '../render/search-library.js';
import {
  pageContext,
  siteResponses,
  type DevScript,
  type RenderedSite,
} from '../render/render-site.js';
import { folderKey } from './output-keys.js';
import {
  createContext,
  markdownOf,
  openPack,
  poolRunner,
  savePack,
  timed,
  viewsOf,
  type BuildStats,
  type PipelineContext,
  type PipelineOptions,
} from './pipeline-context.js';
import { pageLanguages, pagesStage } from './pages-stage.js';
import { cachedBuild, fingerprint, removeOtherBuilds } from './kept-build.js';
import { renderStage } from './render-stage.js';
import {
  readSnapshotMeta,
  writeSnapshot,
  type SnapshotMeta,
} from './site-snapshot.js';
import { respondStage } from './respond-stage.js';
import { CARDS_PER_TASK, shareStage } from './share-stage.js';
import { renderShareCard, shareCardFonts } from '../render/share-card.js';
import { searchStage } from './search-stage.js';
import { viewsStage } from './views-stage.js';
import { LOCALES_FOLDER, localeFor, readLocales } from '../i18n/read-locales.js';
import type { Locale, Messages } from '../i18n/messages.js';
import { REFERENCE_LANGUAGE } from '../i18n/check-locales.js';
import { languageProblems } from '../content/translations.js';

export type { PipelineOptions } from './pipeline-context.js';

export interface LoadedContent {
  /** Undefined when the content has errors (or no site.yaml). */
  readonly site: Site | undefined;
  /** Every problem, errors and warnings, with the paths an editor types. */
  readonly problems: readonly ContentProblem[];
}

export interface RenderExtras {
  /** Problems shown in a panel on every page (development only). */
  readonly notices?: readonly NoticeModel[];
  /** Extra scripts served at fixed URLs, with a script tag on every page (development's reload client). */
  readonly devScripts?: readonly DevScript[];
  /**
   * Whether to make the static index's files (default: yes). Development's server answers every
   * query itself; leaving them out keeps a save quick on a big site.
   */
  readonly staticSearchIndex?: boolean;
}

/** A whole build: the responses, and what the build said, from the cache when nothing changed. */
export interface Build {
  readonly rendered: RenderedSite;
  readonly meta: SnapshotMeta;
  /** The file the build is kept in (what `npm start`'s server processes read), if it could be. */
  readonly snapshot: string | undefined;
}

/** A build kept in a file, for `npm start`'s server processes. */
export interface Prepared {
  readonly snapshot: string;
  readonly meta: SnapshotMeta;
  /** Written to `fallback` because there is no cache folder: the caller removes it. */
  readonly temporary: boolean;
}

export interface Pipeline {
  /** What build() does, leaving the result in a file (`fallback` without a cache folder). */
  prepare(fallback: string): Promise<Prepared>;
  /**
   * Everything, once (`npm start`, the export): the last build itself when no input changed
   * since it, else every stage. Throws a ContentError when the content has errors.
   */
  build(): Promise<Build>;
  /** read, parse, index, render, assemble. `changed`: paths a watcher reported since the last call. */
  loadContent(changed?: readonly string[]): Promise<LoadedContent>;
  /** pages, views, respond: every response of the site. */
  renderSite(site: Site, extras?: RenderExtras): Promise<RenderedSite>;
  /** The base URL of canonical links: SITE_URL, else site.yaml's url, else the fallback. */
  siteUrlFor(site: Site): string;
  /** What the last loadContent and renderSite did. */
  stats(): Readonly<BuildStats>;
  /** Writes what the disk cache has not saved yet, and stops the workers. */
  close(): Promise<void>;
}

function relativeChanges(contentDir: string, changed: readonly string[] | undefined) {
  if (!changed) return undefined;
  const relative = changed
    .map((file) => path.relative(contentDir, path.resolve(file)))
    .filter((file) => !file.startsWith('..') && !path.isAbsolute(file))
    .map((file) => file.split(path.sep).join('/'));
  return new Set(relative);
}

function parseAll(context: PipelineContext, files: ContentFiles) {
  const parsed: ParsedSource[] = [];
  const problems: ContentProblem[] = [];
  for (const file of files.texts.values()) {
    const key = `${file.relative}\0${file.hash}`;
    const result = context.memos.parse.get(key) ?? parseSource(file);
    context.memos.parse.set(key, result);
    if (result.value) parsed.push(result.value);
    problems.push(...result.problems);
  }
  context.memos.parse.sweep();
  return { value: parsed, problems };
}

/**
 * The bodies of the courses the index holds. A course whose course.md is invalid is not in the
 * index, so its chapters are not rendered: their links to each other would all look dead.
 */
function markdownSources(
  context: PipelineContext,
  structure: ContentStructure,
  locales: readonly Locale[],
): MarkdownSource[] {
  const hashOf = (source: ParsedCourse | ParsedPart | ParsedChapter) => {
    // The parse stage gives back the same object for an unchanged file: its body is hashed once.
    let hash = context.bodyHashes.get(source);
    if (!hash) {
      hash = createHash('sha1').update(`${source.bodyLine}\0`).update(source.body).digest('hex');
      context.bodyHashes.set(source, hash);
    }
    return hash;
  };
  const textOf = markdownTexts(locales);
  return structure.courses.flatMap((course) => {
    const text = textOf(course.language);
    return [course.parsed, ...course.parts.map((part) => part.parsed), ...course.chapters].map(
      (source) => ({
        relative: source.relative,
        body: source.body,
        bodyLine: source.bodyLine,
        hash: `${hashOf(source)}\0${text.hash}`,
        lang: course.language,
        text: text.messages,
      }),
    );
  });
}

/** Each language's `markdown.*` texts, once, with a hash a render's memo key holds. */
function markdownTexts(locales: readonly Locale[]) {
  const made = new Map<string, { messages: Messages; hash: string }>();
  return (language: string) => {
    let text = made.get(language);
    if (!text) {
      const locale = localeFor(locales, language) ?? localeFor(locales, REFERENCE_LANGUAGE);
      const messages = Object.fromEntries(
        Object.entries(locale?.messages ?? {}).filter(([key]) => key.startsWith('markdown.')),
      );
      const hash = createHash('sha1').update(language).update(JSON.stringify(messages)).digest('hex');
      text = { messages, hash };
      made.set(language, text);
    }
    return text;
  };
}

async function renderAll(
  context: PipelineContext,
  structure: ContentStructure,
  locales: readonly Locale[],
) {
  const { index } = structure;
  const result = await renderStage({
    sources: markdownSources(context, structure, locales),
    index,
    memo: context.memos.render,
    pack: await openPack(context, 'render'),
    renderMany: poolRunner<RenderedDocument[]>(context, index),
    markdown: () => markdownOf(context),
  });
  context.memos.render.sweep();
  context.stats.rendered = result.rendered;
  context.stats.renderedFromDisk = result.fromDisk;
  await savePack(context, 'render');
  const documents = [...result.documents.values()];
  context.bodyKeys = new Map(documents.map(({ document }) => [document.html, document.htmlHash]));
  return new Map([...result.documents].map(([file, keyed]) => [file, keyed.document]));
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The assemble stage's memo: the Course last made from the very same inputs, or a new one. */
function courseMemo(context: PipelineContext): CourseMemo {
  return (slug, inputs, make) => {
    const kept = context.courses.get(slug);
    if (kept && sameInputs(kept.inputs, inputs)) return kept.course;
    const course = make();
    context.courses.set(slug, { inputs, course });
    return course;
  };
}

async function loadContent(
  context: PipelineContext,
  changed?: readonly string[],
  listing?: Staged<Listed[]>,
) {
  const { options } = context;
  const read = await timed(context, 'read', () =>
    readContent(
      options.contentDir,
      { previous: context.previous, changed: relativeChanges(options.contentDir, changed) },
      listing,
    ),
  );
  context.previous = read.value;
  const localesShown = `${displayPath(options.viewsDir, options.displayRoot)}/${LOCALES_FOLDER}`;
  const locales = await timed(context, 'locales', () => readLocales(options.viewsDir, localesShown));
  const parsed = await timed(context, 'parse', () => parseAll(context, read.value));
  const troubled = new Set([...read.problems, ...parsed.problems].map((p) => p.file));
  const indexed = await timed(context, 'index', () =>
    indexContent(read.value, parsed.value, troubled),
  );
  const documents = await timed(context, 'render', () =>
    renderAll(context, indexed.value, locales.value),
  );
  const assembled = await timed(context, 'assemble', () =>
    assembleSite(
      indexed.value,
      documents,
      courseMemo(context),
      context.headingIds,
      locales.value,
    ),
  );
  const problems = [read, parsed, indexed, assembled].flatMap((stage) => stage.problems);
  for (const document of documents.values()) problems.push(...document.problems);
  problems.push(...languageProblems(indexed.value, locales.value));
  const shown = [
    ...showProblems(problems, displayPath(options.contentDir, options.displayRoot)),
    ...locales.problems,
  ];
  const failed = shown.some((p) => p.severity === 'error');
  return { site: failed ? undefined : assembled.value, problems: shown };
}

async function layOutAndRespond(
  context: PipelineContext,
  pages: ReturnType<typeof pagesStage>,
  templatesKey: string,
  locales: readonly Locale[],
) {
  const { options } = context;
  const all = [...pages.pages, ...pages.statusPages];
  const pack = await openPack(context, 'response');
  const laidOut = await timed(context, 'views', () =>
    viewsStage({
      pages: all,
      templatesKey,
      viewsDir: options.viewsDir,
      locales,
      memo: context.memos.page,
      pack,
      renderMany: poolRunner<PageBytes[]>(context),
      views: () => viewsOf(context, templatesKey, locales),
    }),
  );
  const responses = await timed(context, 'respond', () =>
    respondStage({
      laidOut,
      headers: context.headers,
      memo: context.memos.page,
      pack,
      stats: context.stats,
    }),
  );
  context.memos.page.sweep();
  context.stats.laidOut = laidOut.filter((page) => page.bytes !== undefined).map((p) => p.page.url);
  await savePack(context, 'response');
  return {
    pageResponses: responses.slice(0, pages.pages.length),
    statusResponses: responses.slice(pages.pages.length),
  };
}

/**
 * Draws share cards on the workers (they are CPU-bound: about 35 ms each), else here; a few
 * cards are drawn here too, since starting the workers would cost more than they save.
 */
function cardDrawer(context: PipelineContext) {
  const run = poolRunner<Buffer[]>(context);
  const fonts = shareCardFonts();
  return async (svgs: readonly string[]): Promise<readonly Buffer[]> => {
    if (!run || (svgs.length < CARDS_PER_TASK && !context.pool))
      return svgs.map((svg) => renderShareCard(svg, fonts));
    // Buffers come back from a worker as plain Uint8Arrays.
    return (await run({ type: 'share', svgs, fonts })).map((bytes) => Buffer.from(bytes));
  };
}

/**
 * What every page's layout depends on besides its view model: the templates, and the locales
 * the site was loaded with (which the folder's key alone could hold a newer version of).
 */
function templatesKeyOf(folder: string, site: Site): string {
  return createHash('sha1').update(folder).update(JSON.stringify(site.locales)).digest('hex');
}

async function renderSite(context: PipelineContext, site: Site, extras: RenderExtras = {}) {
  const siteUrl = siteUrlFor(context.options, site);
  const devScripts = extras.devScripts ?? [];
  const publicAssets = await readPublicAssets(context.options.publicDir);
  publicAssets.set(SEARCH_LIBRARY_NAME, await readSearchLibrary());
  const { referenceToken } = context;
  const templatesKey = templatesKeyOf(await folderKey(context.options.viewsDir), site);
  const shareImages = shareStage({
    site,
    siteUrl,
    memo: context.memos.share,
    pack: await openPack(context, 'share'),
    draw: cardDrawer(context),
  });
  const pagesContext = pageContext(publicAssets, siteUrl, devScripts, extras.notices ?? []);
  const languages = pageLanguages(site, shareImages.byLanguage);
  const keyed = await timed(context, 'pages', () =>
    pagesStage({
      site,
      context: pagesContext,
      shareImages: shareImages.byCourse,
      referenceToken,
      templatesKey,
      bodyKeys: context.bodyKeys,
      memo: context.coursePages,
      languages,
    }),
  );
  const search = await timed(context, 'search', () =>
    searchStage({
      site,
      state: context.search,
      withStaticIndex: extras.staticSearchIndex ?? true,
      context: pagesContext,
      languages: languages.all,
      publicAssets,
      templatesKey,
      bodyKeys: context.bodyKeys,
      viewsDir: context.options.viewsDir,
    }),
  );
  const all = { pages: [...keyed.pages, ...search.staticPages], statusPages: keyed.statusPages };
  const laidOut = await layOutAndRespond(context, all, templatesKey, site.locales);
  const shareAssets = await timed(context, 'share', () => shareImages.assets);
  context.memos.share.sweep();
  await savePack(context, 'share');
  const pages = {
    pages: keyed.pages.map((entry) => entry.page),
    statusPages: keyed.statusPages.map((entry) => entry.page),
  };
  const kept = keptResponse(context);
  const rendered = siteResponses({
    site,
    siteUrl,
    ...pages,
    pageResponses: laidOut.pageResponses.slice(0, keyed.pages.length),
    statusResponses: laidOut.statusResponses,
    publicAssets,
    generatedAssets: shareAssets,
    devScripts,
    headers: context.headers,
    referenceToken,
    assetResponse: kept,
    search: search.responses(
      laidOut.pageResponses.slice(keyed.pages.length),
      context.headers,
      kept,
    ),
  });
  context.memos.asset.sweep();
  return rendered;
}

/** The last build's response for the same key (an asset's URL), or a new one. */
function keptResponse(context: PipelineContext) {
  const asset = context.memos.asset;
  return (key: string, make: () => PreparedResponse) => {
    const response = asset.get(key) ?? make();
    asset.set(key, response);
    return response;
  };
}

async function freshBuild(
  context: PipelineContext,
  listing: Staged<Listed[]>,
  file: string | undefined,
): Promise<Build> {
  const { site, problems } = await loadContent(context, undefined, listing);
  if (!site) throw new ContentError(problems);
  const rendered = await renderSite(context, site);
  const meta = { siteUrl: siteUrlFor(context.options, site), warnings: problems };
  if (!file) return { rendered, meta, snapshot: undefined };
  try {
    await timed(context, 'snapshot', () => writeSnapshot(rendered, context.headers, meta, file));
    await removeOtherBuilds(file);
    return { rendered, meta, snapshot: file };
  } catch (error) {
    context.options.warn(`Lectern: the build could not be kept in ${path.dirname(file)} (${String(error)}).`);
    return { rendered, meta, snapshot: undefined };
  }
}

async function keptBuild(context: PipelineContext) {
  const { options } = context;
  const listing = await timed(context, 'list', () => listContent(options.contentDir));
  const key = await timed(context, 'fingerprint', () => fingerprint(context, listing));
  const file = options.cacheDir && path.join(options.cacheDir, `build-${key}.snapshot`);
  return { listing, file };
}

async function build(context: PipelineContext): Promise<Build> {
  const { listing, file } = await keptBuild(context);
  const cached = await timed(context, 'cached build', () => cachedBuild(file));
  return cached ?? freshBuild(context, listing, file);
}

/** The build as a file for server processes to read: the kept one, checked, or a new one. */
async function prepare(context: PipelineContext, fallback: string): Promise<Prepared> {
  const { listing, file } = await keptBuild(context);
  if (file) {
    const meta = await timed(context, 'cached build', () =>
      readSnapshotMeta(file).catch(() => undefined),
    );
    if (meta) return { snapshot: file, meta, temporary: false };
  }
  const built = await freshBuild(context, listing, file);
  if (built.snapshot) return { snapshot: built.snapshot, meta: built.meta, temporary: false };
  await writeSnapshot(built.rendered, context.headers, built.meta, fallback);
  return { snapshot: fallback, meta: built.meta, temporary: true };
}

function siteUrlFor(options: PipelineOptions, site: Site): string {
  return (options.siteUrl ?? site.url ?? options.fallbackSiteUrl).replace(/\/+$/, '');
}

/**
 * The content pipeline of DESIGN.md, its stages composed in one place (loadContent and
 * renderSite above). The memo tables it keeps between calls are the incremental state: a rebuild
 * after a save reads the changed files, parses them, renders the bodies whose text or link
 * targets changed and lays out the pages whose view model changed; the rest is the last build's.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const context = createContext(options);
  return {
    build: () => build(context),
    prepare: (fallback) => prepare(context, fallback),
    loadContent: (changed) => loadContent(context, changed),
    renderSite: (site, extras) => renderSite(context, site, extras),
    siteUrlFor: (site) => siteUrlFor(options, site),
    stats: () => ({ ...context.stats }),
    async close() {
      await savePack(context, 'render');
      await savePack(context, 'response');
      await savePack(context, 'share');
      await context.pool?.close();
      context.pool = undefined;
    },
  };
}
