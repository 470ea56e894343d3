import type { IncomingMessage, ServerResponse } from 'node:http';

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The name a request asks for, without its port: `localhost:3000` -> `localhost`. */
export function hostName(host: string | undefined): string {
  if (!host) return '';
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return (name ?? '').toLowerCase();
}

/**
 * The development server serves drafts: a page on another site could reach it through DNS
 * rebinding (its own name, resolving to 127.0.0.1) and read them. Only local names are answered,
 * and the address HOST names when it is set to one.
 */
export function isLocalRequest(req: IncomingMessage, listenHost: string): boolean {
  const name = hostName(req.headers.host);
  if (LOCAL_NAMES.has(name) || name.endsWith('.localhost')) return true;
  return name === listenHost.toLowerCase() && listenHost !== '0.0.0.0' && listenHost !== '::';
}

export function refuseRemote(res: ServerResponse): void {
  res.writeHead(403, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(
    "This development server answers only localhost. To preview from another device, set HOST to this machine's address.\n",
  );
}
