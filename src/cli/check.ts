import { buildSite } from '../build-site.js';
import { readConfig } from '../config.js';
import { ContentError, formatProblem, summarizeProblems } from '../content/content-problem.js';
import { describeStartupError } from '../startup-error.js';
import { projectRoot } from './project-root.js';

/** `npm run check`: everything `npm start` would refuse or warn about, in one pass. */
async function main(): Promise<number> {
  const root = projectRoot(import.meta.url);
  const config = readConfig(process.env, root);
  try {
    const built = await buildSite({
      ...config,
      fallbackSiteUrl: 'http://localhost',
      displayRoot: process.cwd(),
    });
    const warnings = built.loaded.warnings;
    for (const warning of warnings) console.log(formatProblem(warning));
    console.log(
      `${warnings.length > 0 ? '\n' : ''}${summarizeProblems(warnings, built.rendered.pageUrls.length)}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const problem of error.problems) console.log(formatProblem(problem));
    console.log(
      `\n${summarizeProblems(error.problems, undefined)} npm start refuses to serve the site until the errors are fixed.`,
    );
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeStartupError(error));
    process.exit(1);
  },
);
