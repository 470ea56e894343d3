import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fixtureListener } from '../support/fixture-site.js';
import { checksFor, discover, runCheck, type Discovered } from '../support/http-contract.js';

// The HTTP contract that nginx serving the export is held to as well (test/nginx/).
let server: Server;
let base: string;
let found: Discovered;

beforeAll(async () => {
  const { listener } = await fixtureListener();
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  found = await discover(base);
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the HTTP contract, against the Lectern server', () => {
  for (const check of checksFor('server')) {
    it(check.name, async () => {
      await runCheck(base, check, found);
    });
  }
});
