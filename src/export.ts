import path from 'node:path';
import { buildSite } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { writeSite } from './render/write-site.js';
import { describeStartupError } from './startup-error.js';

/** `npm run build`: the whole site as static files in dist/, for any static host or CDN. */
async function main(): Promise<void> {
  const started = performance.now();
  const root = projectRoot(import.meta.url);
  const config = readConfig(process.env, root);
  const outDir = path.resolve(root, process.env.OUT_DIR ?? 'dist');
  const built = await buildSite({
    ...config,
    fallbackSiteUrl: `http://localhost:${config.port}`,
    displayRoot: process.cwd(),
  });
  for (const warning of built.loaded.warnings) console.warn(formatProblem(warning));
  const files = await writeSite(built.rendered, outDir);
  const ms = Math.round(performance.now() - started);
  console.log(
    `Exported ${built.rendered.pageUrls.length} pages (${files} files) to ${path.relative(process.cwd(), outDir) || '.'} in ${ms} ms, for ${built.siteUrl}.`,
  );
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
