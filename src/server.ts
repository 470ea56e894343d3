import { createServer } from 'node:http';
import { createApp, createRequestListener } from './app.js';
import { buildSite } from './build-site.js';
import { projectRoot } from './cli/project-root.js';
import { readConfig } from './config.js';
import { formatProblem } from './content/content-problem.js';
import { describeStartupError } from './startup-error.js';
import { holdSite } from './http/site-holder.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
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
  const server = createServer(createRequestListener(holder, createApp(holder)));
  // Deliberate limits: a client that dribbles its headers is cut off; Node's defaults are minutes.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is already in use: stop the other server or set PORT to a free port.`
        : describeStartupError(error),
    );
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const pages = built.rendered.pageUrls.length;
    console.log(
      `Lectern is serving ${pages} pages at http://localhost:${config.port}/ (canonical base ${built.siteUrl})`,
    );
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    server.close(() => process.exit(0));
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
