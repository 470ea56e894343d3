import type { SiteHolder } from '../../src/http/site-holder.js';
import type { PreparedResponse } from '../../src/render/prepared-response.js';
import type { RenderedSite } from '../../src/render/render-site.js';

export const FAILING_URL = '/boom/';

/** A site whose lookup of one URL throws, as a bug in serving one page would; paths shown leak nothing. */
export function failingOn(rendered: RenderedSite, url = FAILING_URL): SiteHolder {
  const responses = new Map(rendered.responses);
  responses.get = (key: string): PreparedResponse | undefined => {
    if (key === url) throw new Error(`Failure in ${import.meta.filename}`);
    return rendered.responses.get(key);
  };
  const site: RenderedSite = { ...rendered, responses };
  return { current: () => site };
}
