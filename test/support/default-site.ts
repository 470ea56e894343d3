import path from 'node:path';
import { createApp, createRequestListener } from '../../src/app.js';
import { buildSite } from '../../src/build-site.js';
import { holdSite } from '../../src/http/site-holder.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SITE_URL = 'https://courses.example.com';

/** The default content of the repository, built as `npm start` builds it. */
export async function buildDefaultSite(root = ROOT) {
  return buildSite({
    contentDir: path.join(root, 'content'),
    viewsDir: path.join(root, 'views'),
    publicDir: path.join(root, 'public'),
    siteUrl: SITE_URL,
    fallbackSiteUrl: 'http://localhost:3000',
    displayRoot: root,
  });
}

export async function defaultListener(logger: Logger = silentLogger()) {
  const built = await buildDefaultSite();
  const holder = holdSite(built.rendered);
  return {
    built,
    holder,
    listener: createRequestListener(holder, createApp(holder, { logger }), { logger }),
  };
}
