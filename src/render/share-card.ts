import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { escapeXml } from '../pages/escape-xml.js';
import { encodeOpaquePng } from './png.js';

/** What a course's share card says: drawn at build time, so every shared link shows its course. */
export interface ShareCardText {
  readonly siteTitle: string;
  readonly title: string;
  /** "4 hours · Medium · Free". */
  readonly facts: string;
  readonly themeColor: string;
}

export const SHARE_CARD_WIDTH = 1200;
export const SHARE_CARD_HEIGHT = 630;
const TEXT_WIDTH = 960;
const MAX_LINES = 3;

// DejaVu ships with the project (the dejavu-fonts-ttf package): the card looks the same on every
// machine, and nothing is fetched. Resolved when asked, not at import.
export function shareCardFonts(): string[] {
  const require = createRequire(import.meta.url);
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
    require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
  );
}

const NARROW = new Set([..."iljtfr.,;:!'|()[] "]);

/** DejaVu Sans Bold's advance widths, roughly, in em: enough to wrap a title without measuring. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text) {
    if (NARROW.has(char)) em += 0.38;
    else if (/[A-Z]|[mwMW]/.test(char)) em += 0.82;
    else em += 0.68;
  }
  return em * size;
}

/** Greedy word wrap; a title too long for the card ends with an ellipsis on its last line. */
function wrap(text: string, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size) > TEXT_WIDTH) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  const kept = lines.slice(0, MAX_LINES);
  let last = kept[MAX_LINES - 1] ?? '';
  while (last && textWidth(`${last}…`, size) > TEXT_WIDTH) last = last.slice(0, -1);
  kept[MAX_LINES - 1] = `${last.trimEnd()}…`;
  return kept;
}

function titleLines(title: string): { lines: string[]; size: number } {
  // A short title is large; a long one gets a smaller size before it is wrapped onto more lines.
  for (const size of [84, 72, 60]) {
    const lines = wrap(title, size);
    if (lines.length <= 2 || size === 60) return { lines, size };
  }
  return { lines: wrap(title, 60), size: 60 };
}

/** The card as SVG: the site's colour and name, the course's title and its facts. */
export function shareCardSvg(card: ShareCardText): string {
  const { lines, size } = titleLines(card.title);
  const lineHeight = Math.round(size * 1.15);
  const top = 330 - ((lines.length - 1) * lineHeight) / 2;
  const title = lines
    .map((line, i) => `<tspan x="120" y="${top + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_CARD_WIDTH}" height="${SHARE_CARD_HEIGHT}" viewBox="0 0 ${SHARE_CARD_WIDTH} ${SHARE_CARD_HEIGHT}">
<rect width="1200" height="630" fill="${escapeXml(card.themeColor)}"/>
<circle cx="1090" cy="110" r="220" fill="#ffffff" fill-opacity="0.06"/>
<g transform="translate(120 72)"><rect width="64" height="64" rx="16" fill="#ffffff"/><path d="M18 18h8v22h16v6H18z" fill="${escapeXml(card.themeColor)}"/></g>
<text x="208" y="116" fill="#ffffff" fill-opacity="0.9" font-family="DejaVu Sans" font-weight="bold" font-size="34">${escapeXml(card.siteTitle)}</text>
<text fill="#ffffff" font-family="DejaVu Sans" font-weight="bold" font-size="${size}">${title}</text>
<rect x="120" y="500" width="96" height="8" rx="4" fill="#ffffff" fill-opacity="0.6"/>
<text x="120" y="566" fill="#ffffff" fill-opacity="0.9" font-family="DejaVu Sans" font-size="36">${escapeXml(card.facts)}</text>
</svg>`;
}

/**
 * The card as the PNG that social networks show (they do not show SVG): about 25 ms each, so the
 * pipeline draws them on its workers, and keeps them in the disk cache.
 */
export function renderShareCard(svg: string, fontFiles: readonly string[]): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  const picture = resvg.render();
  return encodeOpaquePng(picture.pixels, picture.width, picture.height);
}
