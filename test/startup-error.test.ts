import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../src/build-site.js';
import { readConfig } from '../src/config.js';
import { describeStartupError } from '../src/startup-error.js';
import { contentFolder } from './support/content-fixture.js';
import { FIXTURE_CONTENT_DIR, ROOT, SITE_URL } from './support/fixture-site.js';

function errno(code: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(`${code}: something`), { code, ...fields });
}

describe('describeStartupError', () => {
  it.each([
    [
      errno('EADDRINUSE', { syscall: 'listen', port: 3000 }),
      'Port 3000 is already in use: stop the other server or set PORT to a free port.',
    ],
    [
      errno('EACCES', { syscall: 'listen', port: 80 }),
      'Not allowed to listen on port 80: use a port above 1023, e.g. PORT=3000.',
    ],
    [
      errno('EADDRNOTAVAIL', { syscall: 'listen', port: 3000 }),
      'HOST is not an address of this machine: use HOST=0.0.0.0 or HOST=127.0.0.1.',
    ],
    [
      errno('ENOENT', { path: '/srv/content' }),
      'Not found: /srv/content. Check CONTENT_DIR, or run from the project folder.',
    ],
    [errno('ENOTDIR', { path: '/srv/content' }), 'Not a folder: /srv/content. Check CONTENT_DIR.'],
    [errno('EACCES', { path: '/srv/content' }), 'Permission denied reading /srv/content.'],
  ])('says what to do, in one line, for %s', (error, message) => {
    expect(describeStartupError(error)).toBe(message);
  });

  it('lists configuration problems with their fix', () => {
    let error: unknown;
    try {
      readConfig({ LOG_LEVEL: 'loud', PORT: 'x' }, ROOT);
    } catch (caught) {
      error = caught;
    }
    expect(describeStartupError(error)).toMatchInlineSnapshot(`
      "Configuration error:
      PORT: PORT must be a number, e.g. PORT=3000
      LOG_LEVEL: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent"
    `);
  });

  it.each([
    [
      'a template that fails for a page',
      'pages/chapter.ejs',
      '<%= page.missing.deeper %>\n',
      "Could not render /courses/our-principles/our-principles/: views/pages/chapter.ejs:1: Cannot read properties of undefined (reading 'deeper')",
    ],
    [
      'a page template that does not compile',
      'pages/course.ejs',
      '<% if (true) { %>\n',
      "Could not render /courses/our-principles/: views/pages/course.ejs: Unexpected token 'catch' (the template does not compile)",
    ],
    [
      'a partial that does not compile',
      'partials/breadcrumbs.ejs',
      '<%= oops \n',
      // EJS names the line that includes the broken partial.
      'Could not render /courses/our-principles/: views/pages/course.ejs:4: Could not find matching close tag for "<%=".',
    ],
    [
      'a layout that does not compile',
      'layout.ejs',
      '<% } %>\n',
      'views/layout.ejs: Missing catch or finally after try (the template does not compile)',
    ],
  ])(
    'names the page and the template when %s stops the start',
    async (_case, file, prefix, message) => {
      const folder = await contentFolder({});
      try {
        const views = path.join(folder.root, 'views');
        await cp(path.join(ROOT, 'views'), views, { recursive: true });
        const template = path.join(views, file);
        await writeFile(template, prefix + (await readFile(template, 'utf8')));
        const error = await buildSite({
          contentDir: FIXTURE_CONTENT_DIR,
          viewsDir: views,
          publicDir: path.join(ROOT, 'public'),
          siteUrl: SITE_URL,
          fallbackSiteUrl: 'http://localhost',
          displayRoot: ROOT,
        }).catch((caught: unknown) => caught);
        expect(describeStartupError(error)).toBe(
          `${message}\nFix the template (or what it is given) and start again.`,
        );
      } finally {
        await folder.cleanup();
      }
    },
  );
});
