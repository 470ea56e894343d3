import type { RenderedSite } from '../render/render-site.js';

/**
 * The one reference to the rendered site that requests read. A reload builds a new site beside
 * it and swaps the reference only when the new one is complete, so a request never sees half.
 */
export interface SiteHolder {
  current(): RenderedSite;
}

export function holdSite(
  initial: RenderedSite,
): SiteHolder & { replace(next: RenderedSite): void } {
  let site = initial;
  return {
    current: () => site,
    replace(next) {
      site = next;
    },
  };
}
