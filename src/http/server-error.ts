import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './request-id.js';
import { statusResponse } from '../render/render-site.js';
import type { SiteHolder } from './site-holder.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * The 500 page, prepared at load with a placeholder where this request's id goes, so that a
 * learner can quote it and the log line be found. 500s are rare: no compression, no ETag.
 */
export function serveServerError(
  holder: SiteHolder,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (res.headersSent) {
    // Part of another answer is on the wire already: a 500 page now would corrupt it.
    res.destroy();
    return;
  }
  const site = holder.current();
  const page = statusResponse(site.statusPages, 500, req.url);
  if (!page) throw new Error('The rendered site has no 500 page');
  const html = page.identity.body.toString('utf8');
  const body = Buffer.from(html.replace(site.referenceToken, escapeHtml(requestIdOf(res))));
  for (const [name, value] of page.headers) if (name !== 'Vary') res.setHeader(name, value);
  res.statusCode = 500;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
