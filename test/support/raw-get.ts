import type { RequestListener } from 'node:http';
import { listen, send, type Answer } from './http-client.js';

/** A GET on a real loopback server, whose body is the bytes on the wire (supertest decompresses). */
export async function rawGet(
  listener: RequestListener,
  path: string,
  headers: Record<string, string>,
): Promise<Answer> {
  const server = await listen(listener);
  try {
    return await send(server.port, path, { headers });
  } finally {
    await server.close();
  }
}
