import { z } from 'zod';
import type { FrontMatterIssue, Position } from './front-matter.js';
import { suggest } from './suggest.js';

type Locate = (path: readonly PropertyKey[], at?: 'key' | 'value') => Position;

export type Validation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly FrontMatterIssue[] };

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
      current = current.unwrap();
    else if (current instanceof z.ZodPipe) current = current.in;
    else return current;
  }
}

/** The field names allowed at `path`, for "did you mean" on an unknown key. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject) current = unwrap(current.shape[String(segment)]);
    else if (current instanceof z.ZodRecord) current = unwrap(current.valueType);
    else if (current instanceof z.ZodArray) current = unwrap(current.element);
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'front-matter' : path.map(String).join('.');
}

function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return true;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current === undefined;
}

function issuesOf(
  schema: z.ZodType,
  data: unknown,
  issue: z.core.$ZodIssue,
  locate: Locate,
): FrontMatterIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, issue.path);
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const hint = suggest(key, known);
      const message = hint
        ? `Unknown field "${key}"; did you mean "${hint}"?`
        : `Unknown field "${key}"; expected one of: ${known.join(', ')}`;
      return { ...locate(path, 'key'), field: fieldName(path), message };
    });
  }
  const missing = isMissing(data, issue.path);
  // A missing field has no place of its own: point at its group (line 1 for the whole file).
  const position = missing
    ? issue.path.length <= 1
      ? { line: 1, column: 1 }
      : locate(issue.path.slice(0, -1), 'key')
    : locate(issue.path);
  return [{ ...position, field: fieldName(issue.path), message: issue.message }];
}

/** Parses front-matter data with a schema; every issue comes back located in the file. */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  locate: Locate,
): Validation<z.output<Schema>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.flatMap((i) => issuesOf(schema, data, i, locate)),
  };
}
