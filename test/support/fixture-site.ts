import path from 'node:path';
import { createApp, createRequestListener } from '../../src/app.js';
import { buildSite } from '../../src/build-site.js';
import { holdSite } from '../../src/http/site-holder.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';

type BuiltSite = Awaited<ReturnType<typeof buildSite>>;

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SITE_URL = 'https://courses.example.com';

/**
 * The content the tests are written against (test/fixtures/site/, owned by the tests), so that
 * editors can change content/ without breaking a test. Pass it as CONTENT_DIR or contentDir.
 */
export const FIXTURE_CONTENT_DIR = path.join(ROOT, 'test/fixtures/site');

/** A content folder built as `npm start` builds it, with this project's views and assets. */
export function buildSiteOf(contentDir: string): Promise<BuiltSite> {
  return buildSite({
    contentDir,
    viewsDir: path.join(ROOT, 'views'),
    publicDir: path.join(ROOT, 'public'),
    siteUrl: SITE_URL,
    fallbackSiteUrl: 'http://localhost:3000',
    displayRoot: ROOT,
  });
}

/** The fixture content, built as `npm start` builds it. */
export function buildFixtureSite(): Promise<BuiltSite> {
  return buildSiteOf(FIXTURE_CONTENT_DIR);
}

/** A built site behind the request listener of `npm start`. */
export function listenerOf(built: BuiltSite, logger: Logger = silentLogger()) {
  const holder = holdSite(built.rendered);
  return {
    built,
    holder,
    listener: createRequestListener(holder, createApp(holder, { logger }), { logger }),
  };
}

/** The fixture content behind the request listener of `npm start`. */
export async function fixtureListener(logger: Logger = silentLogger()) {
  return listenerOf(await buildFixtureSite(), logger);
}
