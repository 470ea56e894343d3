import { imageSize } from '../content/image-size.js';
import type { SocialImageModel } from '../pages/view-model.js';
import type { PublicAsset } from './public-assets.js';

// A PNG, because social networks do not show SVG; its source is public/images/social-card.svg.
const SOCIAL_IMAGE = 'images/social-card.png';

/**
 * The shared-page picture: absolute URL (networks fetch it from elsewhere) and its real size.
 * What it shows is said by each page, in its language (`share.siteImage`).
 */
export function socialImage(
  assets: ReadonlyMap<string, PublicAsset>,
  siteUrl: string,
): Omit<SocialImageModel, 'alt'> {
  const asset = assets.get(SOCIAL_IMAGE);
  const size = asset && imageSize(asset.body, asset.contentType);
  if (!asset || !size) throw new Error(`public/${SOCIAL_IMAGE} is missing or not a PNG`);
  return {
    url: siteUrl + asset.url,
    width: size.width,
    height: size.height,
  };
}
