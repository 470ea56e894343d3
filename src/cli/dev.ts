import { pipelineOptionsFor } from '../build-site.js';
import { readConfig } from '../config.js';
import { startDevServer } from '../dev/dev-server.js';
import { describeStartupError } from '../startup-error.js';
import { projectRoot } from './project-root.js';

/** `npm run dev`: serve, watch content/, views/ and public/, reload open pages on every change. */
async function main(): Promise<void> {
  const config = readConfig(process.env, projectRoot(import.meta.url));
  const server = await startDevServer({
    ...pipelineOptionsFor(config),
    port: config.port,
    host: config.devHost,
    log: (line) => console.log(line),
  });
  console.log(
    `Lectern (development) at ${server.url}/: watching content/, views/ and public/. Ctrl+C stops.`,
  );
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  console.error(
    code === 'EADDRINUSE'
      ? 'The port is already in use: stop the other server or set PORT to a free port.'
      : describeStartupError(error),
  );
  process.exit(1);
});
