import { describe, expect, it } from 'vitest';
import { requestIdFor } from '../../src/http/request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('makes a random UUID when the request brings none', () => {
    expect(requestIdFor(undefined)).toMatch(UUID);
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });

  it.each([
    '0123456789abcdef0123456789abcdef',
    '5759e988-bd86-4e3f-a1be-46a994272793',
    'req:2024.01_a-b',
  ])('keeps a proxy id made of safe characters: %s', (id) => {
    expect(requestIdFor(id, true)).toBe(id);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['markup', '<script>alert(1)</script>'],
    ['a new line that would forge a log line', 'abcdefgh\n{"level":60}'],
    ['spaces', 'abcd efgh'],
    ['an equals sign', 'Root=1-5759e988-bd862e3fe1be46a994272793'],
    ['two headers joined', 'abcdefgh, ijklmnop'],
  ])('replaces one that is %s', (_why, id) => {
    expect(requestIdFor(id, true)).toMatch(UUID);
  });

  it('replaces several X-Request-Id headers', () => {
    expect(requestIdFor(['abcdefgh', 'ijklmnop'], true)).toMatch(UUID);
  });

  it("replaces a client's own id unless a proxy is said to set it", () => {
    expect(requestIdFor('0123456789abcdef')).toMatch(UUID);
  });
});
