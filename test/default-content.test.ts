import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR } from './support/default-site.js';
import { buildSiteOf, listenerOf } from './support/fixture-site.js';

/**
 * The one test of content/, the editors' default content: it pins none of its text, courses or
 * URLs, so that editors can change it freely. Every other test reads test/fixtures/site/.
 */
describe('the default content (content/)', () => {
  it('loads without errors and serves the catalog, a course page and a chapter', async () => {
    // Invalid content throws here, with every problem as `file:line:col  field  message`.
    const built = await buildSiteOf(DEFAULT_CONTENT_DIR);
    const course = built.loaded.site.courses[0];
    const chapter = course?.chapters[0];
    if (!course || !chapter) throw new Error('content/ has no course with a chapter');
    const { listener } = listenerOf(built);
    for (const url of ['/', course.url, chapter.url]) {
      const response = await request(listener).get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
  });
});
