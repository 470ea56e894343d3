import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { Logger } from '../log/logger.js';
import type { HeaderList } from '../render/prepared-response.js';
import { REQUEST_ID_HEADER } from './request-id.js';

const STATUS_BY_CODE: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Content Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};
const BAD_REQUEST = [400, 'Bad Request'] as const;

/** Node's http module keeps the response being written on the socket; it has no public name. */
function responseStarted(socket: Duplex): boolean {
  return (
    (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true
  );
}

/** The raw bytes of a small plain-text response, with the site's security headers. */
export function clientErrorResponse(status: number, reason: string, headers: HeaderList): string {
  const body = `${status} ${reason}\n`;
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    `${REQUEST_ID_HEADER}: ${randomUUID()}`,
    'Content-Type: text/plain; charset=utf-8',
    'Cache-Control: no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Answers what Node's parser rejects before the app sees a request (headers over 16 KB, a
 * request too slow to arrive, bytes that are not HTTP). Node's own answer is a bare status line;
 * this one carries the security headers too, so that they are on every response.
 */
export function answerClientError(headers: HeaderList, logger: Logger) {
  return function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    // A client that has gone, or a response already on its way: nothing can be said any more.
    if (error.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const [status, reason] = STATUS_BY_CODE[error.code ?? ''] ?? BAD_REQUEST;
    logger.info(
      { code: error.code, res: { statusCode: status } },
      'request rejected by the parser',
    );
    socket.end(clientErrorResponse(status, reason, headers), () => socket.destroy());
  };
}
