import { createHash } from 'node:crypto';
import { formatDuration } from '../content/duration.js';
import type { Course, Site } from '../content/model.js';
import { difficultyLabel } from '../pages/format.js';
import type { SocialImageModel } from '../pages/view-model.js';
import {
  renderShareCard,
  SHARE_CARD_HEIGHT,
  SHARE_CARD_WIDTH,
  shareCardSvg,
} from '../render/share-card.js';
import type { CachePack } from './disk-cache.js';
import type { Memo } from './memo.js';

/** A generated share card, served like any fingerprinted asset. */
export interface ShareAsset {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

export interface ShareStageInput {
  readonly site: Site;
  readonly siteUrl: string;
  /** PNG bytes by the hash of their SVG: a card is drawn again only when its words change. */
  readonly memo: Memo<Buffer>;
  readonly pack: CachePack | undefined;
  readonly fonts: () => readonly string[];
}

export interface ShareImages {
  /** The picture each course's pages offer when shared, by course slug. */
  readonly byCourse: ReadonlyMap<string, SocialImageModel>;
  readonly assets: readonly ShareAsset[];
}

// Social networks show PNG and JPEG; an SVG course image gets a drawn card instead.
const SHAREABLE = new Set(['image/png', 'image/jpeg']);

function factsLine(course: Course): string {
  const facts = [formatDuration(course.durationMinutes), difficultyLabel(course.difficulty)];
  return [...facts, ...(course.free ? ['Free'] : [])].join(' · ');
}

function drawn(input: ShareStageInput, course: Course, fonts: () => readonly string[]) {
  const facts = factsLine(course);
  const svg = shareCardSvg({
    siteTitle: input.site.title,
    title: course.title,
    facts,
    themeColor: input.site.themeColor,
  });
  const key = createHash('sha1').update(svg).digest('hex');
  const body = input.memo.get(key) ?? input.pack?.get(key) ?? renderShareCard(svg, fonts());
  input.memo.set(key, body);
  input.pack?.put(key, body);
  const asset = { url: `/assets/share/${course.slug}.${key.slice(0, 10)}.png`, contentType: 'image/png', body };
  const model: SocialImageModel = {
    url: input.siteUrl + asset.url,
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    alt: `${course.title}, a course of ${input.site.title}: ${facts}`,
  };
  return { asset, model };
}

/**
 * The share stage: each course -> the picture its pages offer when shared. The course's own
 * `image` when networks can show it (PNG, JPEG), else a card drawn from its title and facts.
 */
export function shareStage(input: ShareStageInput): ShareImages {
  const byCourse = new Map<string, SocialImageModel>();
  const assets: ShareAsset[] = [];
  let fonts: readonly string[] | undefined;
  const fontFiles = () => (fonts ??= input.fonts());
  for (const course of input.site.courses) {
    const { image } = course;
    if (image && SHAREABLE.has(image.contentType) && image.width && image.height) {
      const { width, height, alt } = image;
      byCourse.set(course.slug, { url: input.siteUrl + image.url, width, height, alt });
      continue;
    }
    const card = drawn(input, course, fontFiles);
    byCourse.set(course.slug, card.model);
    assets.push(card.asset);
  }
  return { byCourse, assets };
}
