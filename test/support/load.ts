import { loadSite } from '../../src/build-site.js';
import { ContentError, formatProblem } from '../../src/content/content-problem.js';
import { contentFolder } from './content-fixture.js';

/** Loads files as a content folder; returns the problems as the editor would read them. */
export async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const folder = await contentFolder(files);
  try {
    const { warnings } = await loadSite({ contentDir: folder.dir });
    return warnings.map(formatProblem);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  } finally {
    await folder.cleanup();
  }
}

export async function loadFiles(files: Record<string, string | Buffer>) {
  const folder = await contentFolder(files);
  try {
    return await loadSite({ contentDir: folder.dir });
  } finally {
    await folder.cleanup();
  }
}
