import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createApp, createRequestListener } from './app.js';
import { createPipeline } from './build/pipeline.js';
import { readSnapshot } from './build/site-snapshot.js';
import { pipelineOptionsFor } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig, type Config } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { createLecternServer } from './http/create-server.js';
import { captureHeaders, securityHeaders } from './http/security-headers.js';
import { holdSite } from './http/site-holder.js';
import { exitOnFatalErrors, stopOnSignals } from './lifecycle.js';
import { createLogger } from './log/logger.js';
import type { RenderedSite } from './render/render-site.js';
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

/** The site this process serves: the one `npm start` built for every process, or its own. */
async function siteToServe(config: Config): Promise<{ rendered: RenderedSite; siteUrl: string }> {
  const { values } = parseArgs({ options: { snapshot: { type: 'string' } } });
  if (values.snapshot) {
    const { rendered, meta } = await readSnapshot(values.snapshot);
    return { rendered, siteUrl: meta.siteUrl };
  }
  const pipeline = createPipeline(pipelineOptionsFor(config));
  try {
    const { rendered, meta } = await pipeline.build();
    for (const warning of meta.warnings) console.warn(formatProblem(warning));
    return { rendered, siteUrl: meta.siteUrl };
  } finally {
    await pipeline.close();
  }
}

/** One server process: `node build/server.js` alone, or one of `npm start`'s. */
async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const logger = createLogger({ level: config.logLevel });
  exitOnFatalErrors(logger);
  const { rendered, siteUrl } = await siteToServe(config);
  const holder = holdSite(rendered);
  // Once close() has begun the server no longer listens: /healthz then answers 503.
  const app = createApp(holder, { logger, isStopping: () => !server.listening });
  const server = createLecternServer({
    listener: createRequestListener(holder, app, {
      logger,
      trustRequestId: config.trustRequestId,
    }),
    headers: captureHeaders(securityHeaders()),
    logger,
  });
  // PORT=0 asks the system for a free port: the line says which one it gave (tests read it).
  const { port } = await listen(server, config.port, config.host);
  const pages = rendered.pageUrls.length;
  logger.info(
    { port, pages, siteUrl },
    `Lectern is serving ${pages} pages at http://localhost:${port}/ (canonical base ${siteUrl})`,
  );
  stopOnSignals(server, logger);
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
