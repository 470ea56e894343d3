import type { TextSection } from '../markdown/markdown-env.js';
import { normalizeText } from './search-options.js';

/** A piece of an excerpt: marked when it is a word the query matched. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

// MiniSearch's own tokenizer splits on spaces and punctuation: words are what lies between.
const SEPARATORS = /([\n\r\p{Z}\p{P}]+)/u;

/**
 * A text's pieces (words and what separates them), each with its normalised form. Normalising
 * the whole text and splitting both the same way keeps them in step (NFD adds only marks, which
 * are never separators) at a fraction of the cost of normalising each word.
 */
function tokens(text: string): { text: string; term: string; word: boolean }[] {
  const normalized = normalizeText(text).split(SEPARATORS);
  return text.split(SEPARATORS).flatMap((part, i) => {
    if (part === '') return [];
    return [{ text: part, term: normalized[i] ?? '', word: i % 2 === 0 }];
  });
}

function hits(text: string | undefined, terms: ReadonlySet<string>): number {
  if (!text) return 0;
  const normalized = normalizeText(text);
  // Most sections hold none of the words: a substring test says so without splitting.
  const present = [...terms].filter((term) => normalized.includes(term));
  if (present.length === 0) return 0;
  return present.filter((term) => hasWord(normalized, term)).length;
}

const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;

/** Whether the term is in the text as a whole word, not only inside a longer one. */
function hasWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    const before = at === 0 || SEPARATOR.test(text[at - 1]!);
    const end = at + term.length;
    if (before && (end === text.length || SEPARATOR.test(text[end]!))) return true;
  }
  return false;
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
  const isHit = (part: { term: string; word: boolean }) => part.word && terms.has(part.term);
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
