import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseFrontMatter,
  parseYamlFile,
  type FrontMatterIssue,
} from '../../src/content/front-matter.js';
import { chapterSchema, courseSchema, siteSchema } from '../../src/content/schema.js';
import { validate } from '../../src/content/validate.js';

function expectLocated(issues: readonly FrontMatterIssue[]) {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
    expect(issue.message).toEqual(expect.any(String));
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

const KEYS = [
  'title',
  'description',
  'duration',
  'difficulty',
  'free',
  'updated',
  'language',
  'cta',
  'ctas',
  '__proto__',
  'constructor',
  '<<',
  '',
];

/** Lines that look like YAML an editor (or an attacker) might write, broken in every way. */
const yamlLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.string({ maxLength: 30 }))
    .map(([key, value]) => `${key}: ${value}`),
  fc
    .tuple(
      fc.constantFrom(...KEYS),
      fc.constantFrom(
        '&a x',
        '*a',
        '!!js/function f',
        '!!binary aGk=',
        '!foo bar',
        '[1, 2',
        '{a: 1}',
        '"open',
        "'open",
        '|',
        '>-',
        '~',
        '2024-13-45',
        '010',
        'yes',
        '1e999',
        '- a',
        '? x',
      ),
    )
    .map(([key, value]) => `${key}: ${value}`),
  fc.constantFrom(
    '  - nested',
    '\t- tab',
    '---',
    '...',
    '%YAML 1.1',
    '%TAG ! tag:x,2000:',
    '# comment',
    '',
  ),
);

const frontMatterFile = fc
  .tuple(
    fc.constantFrom('---', '---yaml', '---js', '---\t', '--- ', '----', '\uFEFF---'),
    fc.array(yamlLine, { maxLength: 12 }),
    fc.constantFrom('---', '--- ', '', '...'),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([open, lines, close, body, eol]) => [open, ...lines, close, body].join(eol));

const anyInput = fc.oneof(frontMatterFile, fc.string({ unit: 'binary', maxLength: 300 }));

describe('parseFrontMatter, for any input', () => {
  it('gives fields and a body, or located issues: it never throws', () => {
    fc.assert(
      fc.property(anyInput, (source) => {
        const result = parseFrontMatter(source);
        if (!result.ok) return expectLocated(result.issues);
        const { data, body, bodyLine, locate } = result.value;
        expect(typeof data).toBe('object');
        expect(Array.isArray(data)).toBe(false);
        expect(typeof body).toBe('string');
        expect(bodyLine).toBeGreaterThanOrEqual(1);
        for (const key of [...Object.keys(data), 'missing']) {
          expect(locate([key]).line).toBeGreaterThanOrEqual(1);
          expect(locate([key, 0, 'x'], 'key').line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('then validates as a chapter or a course with a value or located issues, never a throw', () => {
    fc.assert(
      fc.property(frontMatterFile, (source) => {
        const result = parseFrontMatter(source);
        if (!result.ok) return;
        for (const schema of [chapterSchema, courseSchema]) {
          const validation = validate(schema, result.value.data, result.value.locate);
          if (!validation.ok) expectLocated(validation.issues);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseYamlFile, for any input', () => {
  it('gives a site or located issues, never a throw', () => {
    const siteFile = fc.array(yamlLine, { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fc.oneof(siteFile, fc.string({ unit: 'binary', maxLength: 200 })), (source) => {
        const result = parseYamlFile(source);
        if (!result.ok) return expectLocated(result.issues);
        const validation = validate(siteSchema, result.data, result.locate);
        if (!validation.ok) expectLocated(validation.issues);
      }),
      { numRuns: 300 },
    );
  });
});
