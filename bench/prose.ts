import type { Random } from './random.js';

// Plain words only: no Markdown or HTML meaning, so that the text renders as prose.
const NOUNS = [
  'request',
  'response',
  'server',
  'client',
  'cache',
  'page',
  'chapter',
  'course',
  'learner',
  'module',
  'function',
  'variable',
  'value',
  'type',
  'interface',
  'record',
  'table',
  'query',
  'index',
  'file',
  'folder',
  'path',
  'route',
  'handler',
  'template',
  'layout',
  'heading',
  'link',
  'image',
  'caption',
  'list',
  'item',
  'error',
  'warning',
  'message',
  'log',
  'metric',
  'test',
  'check',
  'build',
  'release',
  'version',
  'branch',
  'commit',
  'review',
  'team',
  'project',
  'deadline',
  'goal',
  'habit',
  'example',
  'exercise',
  'answer',
  'question',
  'idea',
  'pattern',
  'principle',
  'decision',
  'trade-off',
  'budget',
  'network',
  'packet',
  'header',
  'body',
  'stream',
  'buffer',
  'thread',
  'process',
  'memory',
  'disk',
  'schema',
  'field',
  'date',
  'duration',
  'difficulty',
  'summary',
  'outline',
  'draft',
  'editor',
  'reader',
  'browser',
  'screen',
  'keyboard',
  'contrast',
  'colour',
  'font',
  'margin',
  'grid',
  'column',
  'row',
  'form',
  'button',
  'label',
];
const VERBS = [
  'builds',
  'reads',
  'writes',
  'checks',
  'renders',
  'serves',
  'stores',
  'sends',
  'receives',
  'validates',
  'compares',
  'measures',
  'explains',
  'describes',
  'changes',
  'keeps',
  'drops',
  'splits',
  'joins',
  'names',
  'tests',
  'finds',
  'shows',
  'hides',
  'loads',
  'saves',
  'counts',
  'orders',
  'groups',
  'links',
  'returns',
  'accepts',
  'rejects',
  'reuses',
  'improves',
  'simplifies',
];
const ADJECTIVES = [
  'small',
  'large',
  'clear',
  'simple',
  'careful',
  'quick',
  'slow',
  'stable',
  'new',
  'old',
  'shared',
  'private',
  'public',
  'local',
  'remote',
  'strict',
  'loose',
  'plain',
  'rich',
  'short',
  'long',
  'useful',
  'common',
  'rare',
  'explicit',
  'implicit',
  'safe',
  'fragile',
  'readable',
  'consistent',
  'predictable',
  'honest',
  'gentle',
  'precise',
  'modest',
  'whole',
  'partial',
];
const CONNECTORS = [
  'because',
  'so',
  'while',
  'although',
  'when',
  'and',
  'but',
  'until',
  'unless',
  'since',
];
const OPENERS = [
  'In practice,',
  'For example,',
  'Most of the time,',
  'As a rule,',
  'In this chapter,',
  'Before anything else,',
  'Once that is done,',
  'Sooner or later,',
  'In short,',
  'Here,',
];

export function word(random: Random): string {
  return random.pick(NOUNS);
}

function clause(random: Random): string {
  return `the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(VERBS)} the ${random.pick(NOUNS)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence of 12 to 20 words. */
export function sentence(random: Random): string {
  const body = `${clause(random)} ${random.pick(CONNECTORS)} ${clause(random)}`;
  return random.next() < 0.3 ? `${random.pick(OPENERS)} ${body}.` : `${capitalise(body)}.`;
}

/** Sentences up to about `words` words. */
export function sentences(random: Random, words: number): string[] {
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const next = sentence(random);
    out.push(next);
    count += next.split(' ').length;
  }
  return out;
}

/** A title of `words` words, in title case: "Careful Cache Budget". */
export function title(random: Random, words: number): string {
  const parts = [random.pick(ADJECTIVES)];
  while (parts.length < words) {
    const noun = random.pick(NOUNS);
    if (!parts.includes(noun)) parts.push(noun);
  }
  return parts.map(capitalise).join(' ');
}

/** A description between 60 and 150 characters (Lectern warns outside 50-160). */
export function description(random: Random): string {
  let text = `How ${clause(random)}, ${random.pick(CONNECTORS)} ${clause(random)}`;
  while (text.length < 60) text += ` and ${random.pick(NOUNS)}`;
  if (text.length > 148) text = text.slice(0, 148).replace(/[ ,]+\S*$/, '');
  return `${capitalise(text)}.`;
}
