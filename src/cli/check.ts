import { createPipeline } from '../build/pipeline.js';
import { pipelineOptionsFor } from '../build-site.js';
import { readConfig } from '../config.js';
import { formatProblem, sortProblems, summarizeProblems } from '../content/content-problem.js';
import { describeStartupError } from '../startup-error.js';
import { projectRoot } from './project-root.js';

/** `npm run check`: everything `npm start` would refuse or warn about, in one pass. */
async function main(): Promise<number> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const pipeline = createPipeline(pipelineOptionsFor(config));
  try {
    const { site, problems } = await pipeline.loadContent();
    for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
    const gap = problems.length > 0 ? '\n' : '';
    if (!site) {
      console.log(
        `${gap}${summarizeProblems(problems, undefined)} npm start refuses to serve the site until the errors are fixed.`,
      );
      return 1;
    }
    // The templates are part of the check: a page that cannot be laid out stops npm start too.
    const rendered = await pipeline.renderSite(site);
    console.log(`${gap}${summarizeProblems(problems, rendered.pageUrls.length)}`);
    return 0;
  } finally {
    await pipeline.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeStartupError(error));
    process.exit(1);
  },
);
