import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, createRequestListener } from './app.js';
import { buildSite } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { createLecternServer } from './http/create-server.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { holdSite } from './http/site-holder.js';
import { exitOnFatalErrors, stopOnSignals } from './lifecycle.js';
import { createLogger } from './log/logger.js';
import { describeStartupError } from './startup-error.js';

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const logger = createLogger({ level: config.logLevel });
  exitOnFatalErrors(logger);
  const built = await buildSite({
    contentDir: config.contentDir,
    viewsDir: config.viewsDir,
    publicDir: config.publicDir,
    siteUrl: config.siteUrl,
    fallbackSiteUrl: `http://localhost:${config.port}`,
    displayRoot: process.cwd(),
  });
  for (const warning of built.loaded.warnings) console.warn(formatProblem(warning));

  const holder = holdSite(built.rendered);
  // Once close() has begun the server no longer listens: /healthz then answers 503.
  const app = createApp(holder, { logger, isStopping: () => !server.listening });
  const server = createLecternServer({
    listener: createRequestListener(holder, app, { logger }),
    headers: captureHeaders(securityHeaders()),
    logger,
  });
  // PORT=0 asks the system for a free port: the line says which one it gave (tests read it).
  const { port } = await listen(server, config.port, config.host);
  const pages = built.rendered.pageUrls.length;
  logger.info(
    { port, pages, siteUrl: built.siteUrl },
    `Lectern is serving ${pages} pages at http://localhost:${port}/ (canonical base ${built.siteUrl})`,
  );
  stopOnSignals(server, logger);
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
