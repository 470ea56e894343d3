import path from 'node:path';
import { ContentError, type ContentProblem } from './content/content-problem.js';
import type { Site } from './content/model.js';
import { createPipeline, type PipelineOptions } from './build/pipeline.js';
import { projectRoot } from './cli/project-root.js';
import type { Config } from './config.js';
import type { RenderedSite } from './render/render-site.js';

/** What one build needs; the disk cache and the workers are optional (tests run without). */
export type BuildInput = Omit<PipelineOptions, 'cacheDir' | 'workers' | 'version' | 'warn'> &
  Partial<Pick<PipelineOptions, 'cacheDir' | 'workers' | 'version' | 'warn'>>;

export interface BuiltSite {
  readonly loaded: { readonly site: Site; readonly warnings: readonly ContentProblem[] };
  readonly rendered: RenderedSite;
  readonly siteUrl: string;
}

/**
 * The pipeline as the commands run it: the disk cache, a worker per core, stage timings, and
 * paths in messages relative to the project, wherever the command was started from.
 */
export function pipelineOptionsFor(config: Config): PipelineOptions {
  return {
    contentDir: config.contentDir,
    viewsDir: config.viewsDir,
    publicDir: config.publicDir,
    siteUrl: config.siteUrl,
    fallbackSiteUrl: config.fallbackSiteUrl,
    displayRoot: config.root,
    cacheDir: config.cacheDir,
    workers: config.concurrency,
    version: config.version,
    warn: (message) => console.warn(message),
    onStage: config.timings
      ? (stage, ms) => console.error(`stage ${stage} ${Math.round(ms)} ms`)
      : undefined,
  };
}

export function pipelineOptions(input: BuildInput): PipelineOptions {
  return {
    cacheDir: undefined,
    workers: 0,
    version: 'dev',
    warn: (message) => console.warn(message),
    ...input,
  };
}

/**
 * Content folder -> rendered site, once: what `npm start`, the check and the export run. Throws
 * a ContentError with every problem when any is an error.
 */
export async function buildSite(input: BuildInput): Promise<BuiltSite> {
  const pipeline = createPipeline(pipelineOptions(input));
  try {
    const { site, problems } = await pipeline.loadContent();
    if (!site) throw new ContentError(problems);
    const rendered = await pipeline.renderSite(site);
    const warnings = problems.filter((p) => p.severity === 'warning');
    return { loaded: { site, warnings }, rendered, siteUrl: pipeline.siteUrlFor(site) };
  } finally {
    await pipeline.close();
  }
}

/** The content stages alone (read to assemble), for tools and tests: the Site, or a ContentError. */
export async function loadSite(
  input: Pick<BuildInput, 'contentDir'> & Partial<BuildInput>,
): Promise<BuiltSite['loaded']> {
  const { contentDir } = input;
  const pipeline = createPipeline(
    pipelineOptions({
      // The content's languages are checked against the interface text views/locales/ has.
      viewsDir: path.join(projectRoot(import.meta.url), 'views'),
      publicDir: '',
      siteUrl: undefined,
      fallbackSiteUrl: 'http://localhost',
      displayRoot: path.dirname(contentDir),
      ...input,
    }),
  );
  try {
    const { site, problems } = await pipeline.loadContent();
    if (!site) throw new ContentError(problems);
    return { site, warnings: problems.filter((p) => p.severity === 'warning') };
  } finally {
    await pipeline.close();
  }
}
