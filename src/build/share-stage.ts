import { createHash } from 'node:crypto';
import type { Course, Site } from '../content/model.js';
import { translators, type Translator } from '../i18n/translator.js';
import { DIFFICULTY_KEYS } from '../pages/format.js';
import type { SocialImageModel } from '../pages/view-model.js';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, shareCardSvg } from '../render/share-card.js';
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
  /** Draws cards (SVG -> PNG), on the workers when there are some. */
  readonly draw: (svgs: readonly string[]) => Promise<readonly Buffer[]>;
}

export interface ShareImages {
  /** The picture each course's pages offer when shared, by course slug. */
  readonly byCourse: ReadonlyMap<string, SocialImageModel>;
  /**
   * The picture the other pages of a language offer (its catalog, its search), for each
   * language but the site's own, whose picture is public/images/social-card.png.
   */
  readonly byLanguage: ReadonlyMap<string, SocialImageModel>;
  /** The drawn cards: their URLs are known at once, their bytes once drawn. */
  readonly assets: Promise<readonly ShareAsset[]>;
}

// Social networks show PNG and JPEG; an SVG course image gets a drawn card instead.
const SHAREABLE = new Set(['image/png', 'image/jpeg']);
// Cards per worker task: enough to make a message worth sending, few enough to share the work.
export const CARDS_PER_TASK = 8;

function factsLine(course: Course, tr: Translator): string {
  const facts = [tr.duration(course.durationMinutes), tr.t(DIFFICULTY_KEYS[course.difficulty])];
  return [...facts, ...(course.free ? [tr.t('facts.shareFree')] : [])].join(' · ');
}

interface Card {
  readonly key: string;
  readonly url: string;
  readonly svg: string;
}

/** A card's SVG, its URL from its hash (`/assets/share/<name>.<hash>.png`) and how pages show it. */
function planned(input: ShareStageInput, name: string, svg: string, alt: string) {
  const key = createHash('sha1').update(svg).digest('hex');
  const card: Card = { key, url: `/assets/share/${name}.${key.slice(0, 10)}.png`, svg };
  const model: SocialImageModel = {
    url: input.siteUrl + card.url,
    width: SHARE_CARD_WIDTH,
    height: SHARE_CARD_HEIGHT,
    alt,
  };
  return { card, model };
}

function siteTitleIn(site: Site, language: string): string {
  return site.languages.find((text) => text.language === language)?.title ?? site.title;
}

function planCard(input: ShareStageInput, course: Course, tr: Translator) {
  const facts = factsLine(course, tr);
  const { themeColor } = input.site;
  const siteTitle = siteTitleIn(input.site, course.language);
  const svg = shareCardSvg({ siteTitle, title: course.title, facts, themeColor });
  const alt = tr.t('share.courseImage', { course: course.title, site: siteTitle, facts });
  return planned(input, course.slug, svg, alt);
}

/** A language's own card: the site's name and its tagline, in that language. */
function planLanguageCard(input: ShareStageInput, language: string, tr: Translator) {
  const siteTitle = siteTitleIn(input.site, language);
  const title = tr.t('share.tagline');
  const svg = shareCardSvg({ siteTitle, title, facts: '', themeColor: input.site.themeColor });
  return planned(input, `site-${language.toLowerCase()}`, svg, tr.t('share.siteImage', { site: siteTitle }));
}

/** The cards' bytes: the memo's, the disk cache's, or drawn now, in batches. */
async function drawCards(input: ShareStageInput, cards: readonly Card[]): Promise<ShareAsset[]> {
  const bodies = new Map<string, Buffer>();
  for (const card of cards) {
    const kept = input.memo.get(card.key) ?? input.pack?.get(card.key);
    if (kept) bodies.set(card.key, kept);
  }
  const missing = [...new Map(cards.filter((c) => !bodies.has(c.key)).map((c) => [c.key, c]))];
  const batches: (typeof missing)[] = [];
  for (let i = 0; i < missing.length; i += CARDS_PER_TASK)
    batches.push(missing.slice(i, i + CARDS_PER_TASK));
  await Promise.all(
    batches.map(async (batch) => {
      const drawn = await input.draw(batch.map(([, card]) => card.svg));
      batch.forEach(([key], i) => bodies.set(key, drawn[i]!));
    }),
  );
  return cards.map((card) => {
    const body = bodies.get(card.key)!;
    input.memo.set(card.key, body);
    input.pack?.put(card.key, body);
    return { url: card.url, contentType: 'image/png', body };
  });
}

/**
 * The share stage: each course -> the picture its pages offer when shared. The course's own
 * `image` when networks can show it (PNG, JPEG), else a card drawn from its title and facts.
 * The URLs come first (a card's is the hash of its SVG), so the pages need not wait for the bytes.
 */
export function shareStage(input: ShareStageInput): ShareImages {
  const byCourse = new Map<string, SocialImageModel>();
  const cards: Card[] = [];
  const translatorOf = translators(input.site.locales);
  for (const course of input.site.courses) {
    const { image } = course;
    if (image && SHAREABLE.has(image.contentType) && image.width && image.height) {
      const { width, height, alt } = image;
      byCourse.set(course.slug, { url: input.siteUrl + image.url, width, height, alt });
      continue;
    }
    const plan = planCard(input, course, translatorOf(course.language));
    byCourse.set(course.slug, plan.model);
    cards.push(plan.card);
  }
  const byLanguage = new Map<string, SocialImageModel>();
  for (const { language } of input.site.languages) {
    if (language === input.site.language) continue;
    const plan = planLanguageCard(input, language, translatorOf(language));
    byLanguage.set(language, plan.model);
    cards.push(plan.card);
  }
  const assets = drawCards(input, cards);
  // Awaited after the pages are laid out: a failure must not count as unhandled meanwhile.
  assets.catch(() => undefined);
  return { byCourse, byLanguage, assets };
}
