import os from 'node:os';
import path from 'node:path';
import { createPipeline } from './build/pipeline.js';
import { pipelineOptionsFor } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { describeStartupError } from './startup-error.js';

/** What this process tells `npm start`'s first process, on the IPC channel. */
export interface BuiltForServers {
  readonly snapshot: string;
  readonly siteUrl: string;
  readonly temporary: boolean;
}

/**
 * `npm start`'s build, in a process of its own: the site is built once, on every core, into a
 * file that each server process reads, and the memory the build took goes when this process
 * ends instead of staying with the process that supervises the servers.
 */
async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const pipeline = createPipeline(pipelineOptionsFor(config));
  try {
    const fallback = path.join(os.tmpdir(), `lectern-site-${process.ppid}.snapshot`);
    const { snapshot, meta, temporary } = await pipeline.prepare(fallback);
    for (const warning of meta.warnings) console.warn(formatProblem(warning));
    if (config.production && !config.siteUrl && meta.siteUrl === config.fallbackSiteUrl)
      console.warn(
        `Canonical links say ${meta.siteUrl}: set SITE_URL (or url in site.yaml) to the public address.`,
      );
    const message: BuiltForServers = { snapshot, siteUrl: meta.siteUrl, temporary };
    await new Promise<void>((resolve, reject) =>
      process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } finally {
    await pipeline.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(describeStartupError(error));
    process.exit(1);
  },
);
