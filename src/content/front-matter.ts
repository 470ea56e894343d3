import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';

/** Where something sits in a file, 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A problem found while splitting or parsing front-matter, located in the file. */
export interface FrontMatterIssue extends Position {
  readonly field: string;
  readonly message: string;
}

export interface FrontMatter {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the file where the Markdown body starts. */
  readonly bodyLine: number;
  /** Position of the value at `path` (or of the key, for unknown keys), for error messages. */
  readonly locate: (path: readonly PropertyKey[], at?: 'key' | 'value') => Position;
}

export type FrontMatterResult =
  | { readonly ok: true; readonly value: FrontMatter }
  | { readonly ok: false; readonly issues: readonly FrontMatterIssue[] };

// yaml 1.2 core schema: dates stay strings, `010` stays 10; duplicate keys and alias bombs fail.
// YAML 1.1's explicit tags (!!binary, !!timestamp, !!set...) would make Buffers, Dates and Sets:
// refused like every other tag.
const YAML_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  resolveKnownTags: false,
} as const;
const MAX_ALIAS_COUNT = 50;
const FENCE = /^---([^\n]*)\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/;

class FrontMatterLanguageError extends Error {}

function refuseLanguage(): never {
  throw new FrontMatterLanguageError('Front-matter must be YAML');
}

/**
 * gray-matter runs `---js` front-matter through eval unless both names are overridden. Its YAML
 * engine is ours, reading once with positions; `read` keeps the locator of that one read.
 */
function grayMatterOptions(read: (yaml: string) => object) {
  return {
    language: 'yaml',
    engines: {
      yaml: { parse: read, stringify: () => '' },
      js: { parse: refuseLanguage, stringify: () => '' },
      javascript: { parse: refuseLanguage, stringify: () => '' },
    },
  };
}

/** Front-matter is a handful of fields; past these, a file is a mistake or an attack on the parser. */
export const MAX_YAML_BYTES = 64 * 1024;
export const MAX_YAML_DEPTH = 32;

/**
 * Refuses YAML too large or too deeply nested before it is parsed: the parser takes seconds and
 * hundreds of MiB to reject `[[[[...` half a million deep. Brackets are counted outside quotes,
 * indentation in steps of two spaces.
 */
export function yamlShapeIssue(yaml: string, field: string): FrontMatterIssue | undefined {
  if (yaml.length > MAX_YAML_BYTES)
    return {
      line: 1,
      column: 1,
      field,
      message: `The YAML is ${Math.round(yaml.length / 1024)} KB; front-matter is limited to ${MAX_YAML_BYTES / 1024} KB`,
    };
  let depth = 0;
  let quote: string | undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < yaml.length; i++) {
    const char = yaml[i]!;
    if (char === '\n') {
      line++;
      lineStart = i + 1;
      const indent = /^ */.exec(yaml.slice(i + 1, i + 1 + MAX_YAML_DEPTH * 2 + 1))![0].length;
      if (indent > MAX_YAML_DEPTH * 2) return deepAt(line, indent + 1, field);
    } else if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') {
      const end = yaml.indexOf('\n', i);
      i = (end === -1 ? yaml.length : end) - 1;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_YAML_DEPTH) return deepAt(line, i - lineStart + 1, field);
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function deepAt(line: number, column: number, field: string): FrontMatterIssue {
  const message = `The YAML nests deeper than ${MAX_YAML_DEPTH} levels here: front-matter fields are a few levels at most`;
  return { line, column, field, message };
}

/**
 * gray-matter closes the front-matter at the first line that starts with `---`; Lectern's rule is
 * a line of only `---`. A line such as `---junk: 1` would move fields into the body unchecked:
 * it is an error at its line, so that the two rules never disagree.
 */
function malformedFence(source: string): FrontMatterIssue | undefined {
  const lines = source.split('\n');
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (!line.startsWith('---')) continue;
    if (/^---[ \t]*$/.test(line)) return undefined;
    return {
      line: index + 1,
      column: 4,
      field: 'front-matter',
      message: `A front-matter fence is a line of only ---; this line continues after it ("${line.slice(0, 40)}")`,
    };
  }
  return undefined;
}

/**
 * One read of the YAML, with positions: its data, and a locator that finds a field's line and
 * column in the same document (parsing again to locate would double the cost of every file).
 */
function readYaml(source: string): { data: unknown; locate: FrontMatter['locate'] } {
  const counter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter: counter });
  if (doc.errors.length > 0 || doc.warnings.length > 0) throw new YamlProblems(doc);
  const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  return { data: data ?? {}, locate: locator(doc, counter) };
}

class YamlProblems extends Error {
  constructor(readonly doc: Document.Parsed) {
    super('YAML problems');
  }
}

function positionOf(offset: number, counter: LineCounter): Position {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

function yamlIssues(source: string): FrontMatterIssue[] {
  const counter = new LineCounter();
  const doc = parseDocument(source, { ...YAML_OPTIONS, lineCounter: counter });
  return [...doc.errors, ...doc.warnings].map((problem) => {
    const { line, column } = positionOf(openingQuote(source, problem) ?? problem.pos[0], counter);
    const message = problem.message.split('\n')[0] ?? problem.message;
    return { line, column, field: 'yaml', message: describeYamlMessage(problem.code, message) };
  });
}

/**
 * yaml reports a missing closing quote where the file ends; the editor needs the line where the
 * quote opened: the last value that starts with that quote before the error.
 */
function openingQuote(
  source: string,
  problem: { code: string; message: string; pos: [number, number] },
): number | undefined {
  const quote = /^Missing closing (["'])quote/.exec(problem.message)?.[1];
  if (problem.code !== 'MISSING_CHAR' || !quote) return undefined;
  const before = source.slice(0, problem.pos[0]);
  const opening = [...before.matchAll(new RegExp(`(?:^|[:\\-,\\[{]\\s*)(${quote})`, 'gm'))].at(-1);
  return opening?.index === undefined ? undefined : opening.index + opening[0].length - 1;
}

function describeYamlMessage(code: string, message: string): string {
  if (code === 'MISSING_CHAR' && /quote/.test(message))
    return 'This quoted value is never closed: add the closing quote';
  if (code === 'DUPLICATE_KEY') return 'This key appears twice: each field may be given once';
  if (code === 'TAG_RESOLVE_FAILED') {
    return `YAML tags are not allowed in front-matter (${message.replace(/^Unresolved tag: /, '')})`;
  }
  return `Invalid YAML: ${message}`;
}

function locator(doc: Document.Parsed, counter: LineCounter) {
  return (path: readonly PropertyKey[], at: 'key' | 'value' = 'value'): Position => {
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    if (isMap(parent) && last !== undefined) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(last),
      );
      const node = (at === 'key' ? pair?.key : (pair?.value ?? pair?.key)) as Node | undefined;
      if (node?.range) return positionOf(node.range[0], counter);
    }
    const node = doc.getIn(path, true) as Node | undefined;
    if (node?.range) return positionOf(node.range[0], counter);
    if (parent && (parent as Node).range) return positionOf((parent as Node).range![0], counter);
    return { line: 1, column: 1 };
  };
}

function aliasOrOther(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /alias/i.test(message)
    ? `Too many YAML aliases (more than ${MAX_ALIAS_COUNT}): content is not the place for them`
    : `Could not read the YAML: ${message}`;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Splits a content file into YAML front-matter and Markdown body. Never evaluates code, never
 * throws: every problem comes back located in the file, so that all of them can be reported.
 */
export function parseFrontMatter(rawSource: string): FrontMatterResult {
  // CRLF and a BOM are editors' habits, not errors; dropping them changes no line number.
  const source = rawSource.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') {
    const message =
      'The file is empty: start it with front-matter (title, description) between two lines of ---';
    return { ok: false, issues: [{ line: 1, column: 1, field: 'front-matter', message }] };
  }
  const fence = FENCE.exec(source);
  if (!fence) {
    const message = source.startsWith('---')
      ? 'The front-matter is not closed: add a line with only --- after the last field'
      : 'Expected front-matter at the top of the file, between two lines of ---';
    return { ok: false, issues: [{ line: 1, column: 1, field: 'front-matter', message }] };
  }
  const language = (fence[1] ?? '').trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    const message = `Front-matter must be YAML; "---${language}" is not accepted (code in content is never run)`;
    return { ok: false, issues: [{ line: 1, column: 4, field: 'front-matter', message }] };
  }
  const badFence = malformedFence(source);
  if (badFence) return { ok: false, issues: [badFence] };
  const badShape = yamlShapeIssue(fence[0], 'front-matter');
  if (badShape) return { ok: false, issues: [badShape] };
  // gray-matter hands the YAML over with its opening line emptied: its line numbers are the file's.
  let locate: FrontMatter['locate'] | undefined;
  let yamlSource = '';
  const read = (yaml: string): object => {
    yamlSource = yaml;
    const parsed = readYaml(yaml);
    locate = parsed.locate;
    return parsed.data as object;
  };
  try {
    const file = matter(source, grayMatterOptions(read));
    const data = file.data as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !locate) {
      return {
        ok: false,
        issues: [
          {
            line: 2,
            column: 1,
            field: 'front-matter',
            message: 'Expected fields as `name: value` lines',
          },
        ],
      };
    }
    return {
      ok: true,
      value: {
        data: data as Record<string, unknown>,
        body: file.content,
        bodyLine: lineOfOffset(source, fence[0].length),
        locate,
      },
    };
  } catch (error) {
    if (error instanceof YamlProblems) {
      return { ok: false, issues: yamlIssues(yamlSource) };
    }
    return {
      ok: false,
      issues: [{ line: 1, column: 1, field: 'front-matter', message: aliasOrOther(error) }],
    };
  }
}

export type YamlFileResult =
  | {
      readonly ok: true;
      readonly data: Record<string, unknown>;
      readonly locate: FrontMatter['locate'];
    }
  | { readonly ok: false; readonly issues: readonly FrontMatterIssue[] };

/** Parses a whole YAML file (site.yaml) with the same safety rules as front-matter. */
export function parseYamlFile(rawSource: string): YamlFileResult {
  const source = rawSource.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const badShape = yamlShapeIssue(source, 'yaml');
  if (badShape) return { ok: false, issues: [badShape] };
  try {
    const { data, locate } = readYaml(source);
    if (Array.isArray(data)) {
      return {
        ok: false,
        issues: [
          {
            line: 1,
            column: 1,
            field: 'yaml',
            message: 'Expected fields as `name: value` lines, not a list',
          },
        ],
      };
    }
    return { ok: true, data: data as Record<string, unknown>, locate };
  } catch (error) {
    if (error instanceof YamlProblems) return { ok: false, issues: yamlIssues(source) };
    return {
      ok: false,
      issues: [{ line: 1, column: 1, field: 'yaml', message: aliasOrOther(error) }],
    };
  }
}
