import path from 'node:path';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FIXTURE_CONTENT_DIR, ROOT, SITE_URL } from '../support/fixture-site.js';
import {
  notFound,
  CONTRACT,
  checksFor,
  discover,
  runCheck,
  type Discovered,
} from '../support/http-contract.js';
import { nginxMissing, startNginx, type LocalNginx } from '../support/nginx-server.js';
import { readableTempDir, runToEnd } from '../support/processes.js';

// nginx serving `npm run build`'s output with deploy/nginx.conf, held to the server's contract.
const missing = nginxMissing();
// In CI nginx is installed by .ci/run: a missing nginx there is a failure, not a skip.
const skip = missing !== undefined && !process.env.CI;
if (skip) console.warn(`Skipping the nginx tests: ${missing}`);

let workDir: string;
let nginx: LocalNginx | undefined;
let found: Discovered;

describe.skipIf(skip)('the HTTP contract, against nginx serving the export', () => {
  beforeAll(async () => {
    if (missing) throw new Error(missing);
    workDir = await readableTempDir('lectern-nginx-test-');
    const outDir = path.join(workDir, 'dist');
    // `npm run build`, as a deployer runs it, of the fixture content into a temporary folder.
    await runToEnd(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/export.ts'], {
      cwd: ROOT,
      env: { ...process.env, OUT_DIR: outDir, SITE_URL, CONTENT_DIR: FIXTURE_CONTENT_DIR },
    });
    nginx = await startNginx(outDir);
    found = await discover(nginx.url);
  });

  afterAll(async () => {
    await nginx?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  for (const check of checksFor('nginx')) {
    it(check.name, async () => {
      await runCheck(nginx!.url, check, found);
    });
  }

  // What only the server can do, nginx must still answer cleanly: its 404 page, no redirect.
  for (const check of CONTRACT.filter((c) => c.serverOnly !== undefined)) {
    it(`gives its 404 page, and no redirect, where the server ${check.name}`, async () => {
      const path = typeof check.path === 'string' ? check.path : check.path(found);
      await runCheck(nginx!.url, notFound(path), found);
    });
  }
});
