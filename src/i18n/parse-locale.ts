import { errorAt, type ContentProblem, type Staged } from '../content/content-problem.js';
import { parseYamlFile, type FrontMatter } from '../content/front-matter.js';
import { PLURAL_CATEGORIES, type Locale, type Message } from './messages.js';

type Locate = FrontMatter['locate'];

/** A locale and where each of its keys sits in its file, for the problems checkLocales finds. */
export interface ParsedLocale {
  readonly locale: Locale;
  readonly locate: Locate;
}

const PLURAL_NAMES = new Set<string>(PLURAL_CATEGORIES);
const PLURAL_HINT = `one form per count, keyed by ${PLURAL_CATEGORIES.join(', ')} (always with other)`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map whose keys are all plural categories is one message, not a group of them. */
function pluralOf(value: Record<string, unknown>): Message | undefined {
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => PLURAL_NAMES.has(key))) return undefined;
  if (!keys.includes('other') || !Object.values(value).every((form) => typeof form === 'string'))
    return undefined;
  return value as Message;
}

interface Walk {
  readonly file: string;
  readonly locate: Locate;
  readonly messages: Record<string, Message>;
  readonly problems: ContentProblem[];
}

function walk(value: Record<string, unknown>, path: readonly string[], into: Walk): void {
  for (const [name, child] of Object.entries(value)) {
    const at = [...path, name];
    const key = at.join('.');
    if (typeof child === 'string') into.messages[key] = child;
    else if (isRecord(child) && pluralOf(child)) into.messages[key] = pluralOf(child)!;
    else if (isRecord(child) && Object.keys(child).some((k) => PLURAL_NAMES.has(k))) {
      const message = `Expected ${PLURAL_HINT}`;
      into.problems.push(errorAt(into.file, key, message, into.locate(at, 'key')));
    } else if (isRecord(child)) walk(child, at, into);
    else {
      const message = 'Expected a text, or keys under it (a plural is a map of one, other...)';
      into.problems.push(errorAt(into.file, key, message, into.locate(at)));
    }
  }
}

/**
 * One locale file -> its messages, flattened to dotted keys (`course: start:` -> `course.start`),
 * and the problems of its own shape. Whether its keys are the right ones is checkLocales's job.
 */
export function parseLocale(
  file: string,
  code: string,
  source: string,
): Staged<ParsedLocale | undefined> {
  const parsed = parseYamlFile(source);
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => errorAt(file, issue.field, issue.message, issue));
    return { value: undefined, problems };
  }
  const { name, ...rest } = parsed.data;
  const into: Walk = { file, locate: parsed.locate, messages: {}, problems: [] };
  if (typeof name !== 'string' || name.trim() === '') {
    const message = "Expected the language's own name for itself, e.g. name: Français";
    into.problems.push(errorAt(file, 'name', message, parsed.locate(['name'])));
  }
  walk(rest, [], into);
  const locale: Locale = {
    code,
    file,
    name: typeof name === 'string' ? name : code,
    messages: into.messages,
  };
  return { value: { locale, locate: parsed.locate }, problems: into.problems };
}
