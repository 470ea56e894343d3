import type { TextSection } from '../markdown/markdown-env.js';
import { normalizeTerm } from './search-options.js';

/** A piece of an excerpt: marked when it is a word the query matched. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

// MiniSearch's own tokenizer splits on spaces and punctuation: words are what lies between.
const SEPARATORS = /([\n\r\p{Z}\p{P}]+)/u;

function tokens(text: string): { text: string; word: boolean }[] {
  return text
    .split(SEPARATORS)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, word: !SEPARATORS.test(part) }));
}

function hits(text: string | undefined, terms: ReadonlySet<string>): number {
  if (!text) return 0;
  const found = new Set<string>();
  for (const token of tokens(text)) {
    const term = token.word ? normalizeTerm(token.text) : null;
    if (term && terms.has(term)) found.add(term);
  }
  return found.size;
}

/**
 * The section a result links to: the one whose heading names most of the matched words, else
 * the one whose text holds most of them; the first on a tie. Undefined when only the title
 * matched: the result then links to the top of the page.
 */
export function bestSection(
  sections: readonly TextSection[],
  terms: ReadonlySet<string>,
): TextSection | undefined {
  let best: TextSection | undefined;
  let bestScore = 0;
  for (const section of sections) {
    const score = hits(section.heading, terms) * 1000 + hits(section.text, terms);
    if (score > bestScore) [best, bestScore] = [section, score];
  }
  return best;
}

const BEFORE = 60;
const LENGTH = 200;

/** About LENGTH characters of text around its first matched word, the matched words marked. */
export function excerpt(text: string, terms: ReadonlySet<string>): Segment[] {
  const parts = tokens(text);
  const isHit = (part: { text: string; word: boolean }) =>
    part.word && terms.has(normalizeTerm(part.text) ?? '');
  const offsets: number[] = [];
  parts.reduce((at, part) => (offsets.push(at), at + part.text.length), 0);
  const first = Math.max(0, parts.findIndex(isHit));
  let start = first;
  while (start > 0 && offsets[first]! - offsets[start - 1]! <= BEFORE) start--;
  const segments: Segment[] = start > 0 ? [{ text: '…', mark: false }] : [];
  let length = 0;
  let at = start;
  for (; at < parts.length && length < LENGTH; at++) {
    const part = parts[at]!;
    if (at === start && !part.word) continue;
    segments.push({ text: part.text, mark: isHit(part) });
    length += part.text.length;
  }
  if (at < parts.length) segments.push({ text: ' …', mark: false });
  return merged(segments);
}

/** Neighbouring unmarked pieces as one: fewer for the template to loop over. */
function merged(segments: readonly Segment[]): Segment[] {
  const result: Segment[] = [];
  for (const segment of segments) {
    const last = result[result.length - 1];
    if (last && !last.mark && !segment.mark)
      result[result.length - 1] = { text: last.text + segment.text, mark: false };
    else result.push(segment);
  }
  return result;
}
