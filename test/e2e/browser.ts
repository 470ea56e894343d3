import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApp, createRequestListener } from '../../src/app.js';
import { holdSite } from '../../src/http/site-holder.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.js';
import { buildFixtureSite } from '../support/fixture-site.js';

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
}

/** The real server (the same listener as npm start) on a free loopback port. */
export async function startServer(): Promise<{
  url: string;
  server: Server;
  pageUrls: readonly string[];
}> {
  const built = await buildFixtureSite();
  const holder = holdSite(built.rendered);
  const server = createServer(createRequestListener(holder, createApp(holder)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, pageUrls: built.rendered.pageUrls };
}

/** A page that records console errors and CSP violations, so that a test can assert there were none. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors };
}

export interface BrowserFixture {
  readonly browser: Browser;
  /** The server's origin, e.g. http://127.0.0.1:39151. */
  readonly base: string;
  readonly pageUrls: readonly string[];
}

/** Starts the server and the browser before a file's tests and stops both after them. */
export function useBrowserAndServer(): BrowserFixture {
  const fixture = {} as {
    browser: Browser;
    base: string;
    pageUrls: readonly string[];
    server?: Server;
  };
  beforeAll(async () => {
    const started = await startServer();
    Object.assign(fixture, {
      server: started.server,
      base: started.url,
      pageUrls: started.pageUrls,
    });
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await new Promise((resolve) => fixture.server?.close(resolve));
  });
  return fixture;
}
