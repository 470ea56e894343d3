import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { assembleSite } from '../content/assemble-site.js';
import { showProblems, type ContentProblem } from '../content/content-problem.js';
import { displayPath } from '../content/display-path.js';
import { indexContent, type ContentStructure } from '../content/index-content.js';
import type { Site } from '../content/model.js';
import { parseSource, type ParsedSource } from '../content/parse-source.js';
import { readContent, type ContentFiles } from '../content/read-content.js';
import type { MarkdownSource, RenderedDocument } from '../content/render-document.js';
import type { NoticeModel } from '../pages/view-model.js';
import { readPublicAssets } from '../render/public-assets.js';
import {
  pageContext,
  sitePages,
  siteResponses,
  type DevScript,
  type RenderedSite,
} from '../render/render-site.js';
import { folderKey, markdownKey } from './output-keys.js';
import {
  createContext,
  markdownOf,
  openPack,
  poolRunner,
  savePack,
  timed,
  viewsOf,
  type PipelineContext,
  type PipelineOptions,
} from './pipeline-context.js';
import { renderStage } from './render-stage.js';
import { respondStage } from './respond-stage.js';
import { viewsStage } from './views-stage.js';

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
}

export interface Pipeline {
  /** read, parse, index, render, assemble. `changed`: paths a watcher reported since the last call. */
  loadContent(changed?: readonly string[]): Promise<LoadedContent>;
  /** pages, views, respond: every response of the site. */
  renderSite(site: Site, extras?: RenderExtras): Promise<RenderedSite>;
  /** The base URL of canonical links: SITE_URL, else site.yaml's url, else the fallback. */
  siteUrlFor(site: Site): string;
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
function markdownSources(structure: ContentStructure): MarkdownSource[] {
  return structure.courses.flatMap((course) =>
    [course.parsed, ...course.chapters].map((source) => ({
      relative: source.relative,
      body: source.body,
      bodyLine: source.bodyLine,
    })),
  );
}

async function renderAll(context: PipelineContext, structure: ContentStructure) {
  context.markdownKey ??= await markdownKey();
  const { index } = structure;
  const result = await renderStage({
    sources: markdownSources(structure),
    index,
    markdownKey: context.markdownKey,
    memo: context.memos.render,
    pack: await openPack(context, 'render'),
    renderMany: poolRunner<RenderedDocument[]>(context, index),
    markdown: () => markdownOf(context),
  });
  context.memos.render.sweep();
  await savePack(context, 'render');
  context.bodyKeys = new Map([...result.documents.values()].map((d) => [d.document.html, d.key]));
  return new Map([...result.documents].map(([file, keyed]) => [file, keyed.document]));
}

async function loadContent(context: PipelineContext, changed?: readonly string[]) {
  const { options } = context;
  const read = await timed(context, 'read', () =>
    readContent(options.contentDir, {
      previous: context.previous,
      changed: relativeChanges(options.contentDir, changed),
    }),
  );
  context.previous = read.value;
  const parsed = await timed(context, 'parse', () => parseAll(context, read.value));
  const troubled = new Set([...read.problems, ...parsed.problems].map((p) => p.file));
  const indexed = await timed(context, 'index', () =>
    indexContent(read.value, parsed.value, troubled),
  );
  const documents = await timed(context, 'render', () =>
    renderAll(context, indexed.value),
  );
  const assembled = await timed(context, 'assemble', () =>
    assembleSite(indexed.value, documents),
  );
  const problems = [read, parsed, indexed, assembled].flatMap((stage) => stage.problems);
  for (const document of documents.values()) problems.push(...document.problems);
  const shown = showProblems(problems, displayPath(options.contentDir, options.displayRoot));
  const failed = shown.some((p) => p.severity === 'error');
  return { site: failed ? undefined : assembled.value, problems: shown };
}

async function layOutAndRespond(context: PipelineContext, pages: ReturnType<typeof sitePages>) {
  const { options } = context;
  const templatesKey = await folderKey(options.viewsDir);
  const all = [...pages.pages, ...pages.statusPages];
  const laidOut = await timed(context, 'views', () =>
    viewsStage({
      pages: all,
      templatesKey,
      viewsDir: options.viewsDir,
      bodyKeys: context.bodyKeys,
      memo: context.memos.page,
      renderMany: poolRunner<string[]>(context),
      views: () => viewsOf(context, templatesKey),
    }),
  );
  const pack = await openPack(context, 'response');
  const responses = await timed(context, 'respond', () =>
    respondStage({ laidOut, headers: context.headers, memo: context.memos.page, pack }),
  );
  context.memos.page.sweep();
  await savePack(context, 'response');
  return {
    pageResponses: responses.slice(0, pages.pages.length),
    statusResponses: responses.slice(pages.pages.length),
  };
}

async function renderSite(context: PipelineContext, site: Site, extras: RenderExtras = {}) {
  const siteUrl = siteUrlFor(context.options, site);
  const devScripts = extras.devScripts ?? [];
  const publicAssets = await readPublicAssets(context.options.publicDir);
  const referenceToken = `lectern-reference-${randomUUID()}`;
  const pages = await timed(context, 'pages', () =>
    sitePages(
      site,
      pageContext(publicAssets, siteUrl, devScripts, extras.notices ?? []),
      referenceToken,
    ),
  );
  const responses = await layOutAndRespond(context, pages);
  const asset = context.memos.asset;
  const rendered = siteResponses({
    site,
    siteUrl,
    ...pages,
    ...responses,
    publicAssets,
    devScripts,
    headers: context.headers,
    referenceToken,
    assetResponse: (url, make) => {
      const response = asset.get(url) ?? make();
      asset.set(url, response);
      return response;
    },
  });
  asset.sweep();
  return rendered;
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
    loadContent: (changed) => loadContent(context, changed),
    renderSite: (site, extras) => renderSite(context, site, extras),
    siteUrlFor: (site) => siteUrlFor(options, site),
    async close() {
      await savePack(context, 'render');
      await savePack(context, 'response');
      await context.pool?.close();
      context.pool = undefined;
    },
  };
}
