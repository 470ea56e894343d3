import { errorAt, type ContentProblem } from '../content/content-problem.js';
import { suggest } from '../content/suggest.js';
import { isPlural, placeholdersOf, type Locale, type Message } from './messages.js';
import type { ParsedLocale } from './parse-locale.js';

/** The language every other locale is checked against: the one the code is written with. */
export const REFERENCE_LANGUAGE = 'en';

const preview = (message: Message) => (isPlural(message) ? message.other : message);

/** A plural where English has one text, or one text where English has plural forms. */
function shapeProblem(text: Message, expected: Message): string | undefined {
  if (isPlural(expected) && !isPlural(text))
    return 'Expected one form per count (one, other...), as the English text has: it is said of a {count}';
  if (!isPlural(expected) && isPlural(text))
    return 'Expected one text, as the English one: it is not said of a count';
  return undefined;
}

/** A value the text cannot be given, or one the English text shows that the translation drops. */
function placeholderProblem(text: Message, expected: Message): string | undefined {
  const allowed = placeholdersOf(expected);
  const used = placeholdersOf(text);
  const unknown = [...used].find((name) => !allowed.has(name));
  if (unknown !== undefined) {
    const names = allowed.size ? [...allowed].map((n) => `{${n}}`).join(', ') : 'none';
    return `Unknown placeholder {${unknown}}: this text can use ${names}`;
  }
  const dropped = [...allowed].find((name) => !used.has(name));
  if (dropped !== undefined)
    return `Missing placeholder {${dropped}}: the English text shows it ("${preview(expected)}")`;
  return undefined;
}

function keyProblems({ locale, locate }: ParsedLocale, reference: Locale): ContentProblem[] {
  const at = (key: string) => locate(key.split('.'), 'key');
  const problems: ContentProblem[] = [];
  const known = Object.keys(reference.messages);
  for (const key of known) {
    if (locale.messages[key] !== undefined) continue;
    const message = `Missing the text for "${key}" (in English: "${preview(reference.messages[key]!)}")`;
    problems.push(errorAt(locale.file, key, message));
  }
  for (const [key, text] of Object.entries(locale.messages)) {
    const expected = reference.messages[key];
    if (expected === undefined) {
      const hint = suggest(key, known);
      const message = `Unknown key "${key}"${hint ? `: did you mean "${hint}"?` : ': the English file has no such text'}`;
      problems.push(errorAt(locale.file, key, message, at(key)));
      continue;
    }
    const shape = shapeProblem(text, expected);
    const message = shape ?? placeholderProblem(text, expected);
    if (message) problems.push(errorAt(locale.file, key, message, locate(key.split('.'))));
  }
  return problems;
}

/**
 * Every locale has exactly the English file's keys, and uses only the values each key is given.
 * English is the reference because the code names its keys with it: a test holds every key the
 * templates and the code use to be in it.
 */
export function checkLocales(locales: readonly ParsedLocale[], folder: string): ContentProblem[] {
  const reference = locales.find(({ locale }) => locale.code === REFERENCE_LANGUAGE)?.locale;
  if (!reference) {
    const message = `No ${REFERENCE_LANGUAGE}.yaml: the English interface text is the one every other language is checked against`;
    return [errorAt(folder, 'locales', message)];
  }
  return locales
    .filter(({ locale }) => locale !== reference)
    .flatMap((parsed) => keyProblems(parsed, reference));
}
