import path from 'node:path';
import { createPipeline } from './build/pipeline.js';
import { pipelineOptionsFor } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { checkOutDir, writeSite } from './render/write-site.js';
import { describeStartupError } from './startup-error.js';

/** `npm run build`: the whole site as static files in dist/, for any static host or CDN. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig(process.env, projectRoot(import.meta.url));
  // Before any work: a wrong OUT_DIR is refused before it could be replaced (the project's own
  // content/ too, when CONTENT_DIR points elsewhere).
  const read = [config.contentDir, path.join(config.root, 'content'), config.viewsDir];
  checkOutDir(config.outDir, config.root, [...read, config.publicDir]);
  const options = pipelineOptionsFor(config);
  const pipeline = createPipeline(options);
  try {
    const { rendered, meta } = await pipeline.build();
    for (const warning of meta.warnings) console.warn(formatProblem(warning));
    const writing = performance.now();
    const files = await writeSite(rendered, config.outDir);
    options.onStage?.('write', performance.now() - writing);
    const ms = Math.round(performance.now() - started);
    const where = path.relative(process.cwd(), config.outDir) || '.';
    console.log(
      `Exported ${rendered.pageUrls.length} pages (${files} files) to ${where} in ${ms} ms, for ${meta.siteUrl}.`,
    );
  } finally {
    await pipeline.close();
  }
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
