import { request, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createLecternServer, type ServerTimeouts } from '../../src/http/create-server.js';
import { captureHeaders, securityHeaders } from '../../src/http/security-headers.js';
import { silentLogger, type Logger } from '../../src/log/logger.js';

export interface Listening {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

/** The listener behind a real server on a loopback port, as `npm start` builds it. */
export async function listen(
  listener: RequestListener,
  options: { logger?: Logger; timeouts?: Partial<ServerTimeouts> } = {},
): Promise<Listening> {
  const server = createLecternServer({
    listener,
    headers: captureHeaders(securityHeaders()),
    logger: options.logger ?? silentLogger(),
    timeouts: options.timeouts,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The bytes on the wire, never decompressed. */
  readonly body: Buffer;
  readonly text: string;
}

/** One request sent as written (`//evil.example` stays two slashes), on its own connection. */
export function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          });
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`${path}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

export interface RawAnswer {
  /** Everything the server sent before it closed the connection. */
  readonly text: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether the server closed the connection (rather than the test giving up). */
  readonly closedByServer: boolean;
}

function parseRaw(text: string, closedByServer: boolean): RawAnswer {
  const [head = ''] = text.split('\r\n\r\n', 1);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    text,
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    closedByServer,
  };
}

/**
 * Writes bytes on a fresh TCP connection (as many chunks as given, `gapMs` apart) and reads
 * until the server closes it, or `timeoutMs` passes: for what an HTTP client refuses to send.
 */
export function rawExchange(
  port: number,
  chunks: readonly (string | Buffer)[],
  options: { gapMs?: number; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseRaw(Buffer.concat(received).toString('latin1'), closedByServer));
    };
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    // A reset after the answer (the server closing with unread bytes) still ends the exchange.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? finish(true) : reject(error),
    );
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 5_000);
    const write = (index: number) => {
      const chunk = chunks[index];
      if (chunk === undefined || socket.destroyed) return;
      socket.write(chunk);
      setTimeout(() => write(index + 1), options.gapMs ?? 0);
    };
    socket.once('connect', () => write(0));
  });
}

/**
 * A connection that has sent the start of a request and waits: a request in flight, for as long
 * as the test wants. `finish` sends the rest and reads the answer until the server closes.
 */
export async function partialRequest(port: number, start: string) {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const received: Buffer[] = [];
  const closed = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  socket.write(start);
  return {
    async finish(rest: string, timeoutMs = 5_000): Promise<RawAnswer> {
      socket.write(rest);
      const timer = setTimeout(() => socket.destroy(), timeoutMs);
      await closed;
      clearTimeout(timer);
      return parseRaw(Buffer.concat(received).toString('latin1'), true);
    },
  };
}
