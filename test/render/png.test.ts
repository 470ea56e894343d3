import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeOpaquePng } from '../../src/render/png.js';

/** The chunks of a PNG file: type, data and whether its CRC checks. */
function chunksOf(png: Buffer) {
  const chunks: { type: string; data: Buffer; valid: boolean }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typed = png.subarray(at + 4, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    chunks.push({
      type: typed.subarray(0, 4).toString('latin1'),
      data: typed.subarray(4),
      valid: crc32(typed) === crc,
    });
    at += 12 + length;
  }
  return chunks;
}

describe('encodeOpaquePng', () => {
  // Two pixels, red then teal, with their alpha channel (which the PNG leaves out).
  const rgba = Uint8Array.from([255, 0, 0, 255, 15, 118, 110, 255]);
  const png = encodeOpaquePng(rgba, 2, 1);

  it('writes a PNG signature and IHDR, IDAT and IEND chunks whose CRCs check', () => {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const chunks = chunksOf(png);
    expect(chunks.map((c) => [c.type, c.valid])).toEqual([
      ['IHDR', true],
      ['IDAT', true],
      ['IEND', true],
    ]);
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([
      2, 1, 8, 2,
    ]);
  });

  it('keeps every pixel as RGB, each row after its filter byte', () => {
    const idat = chunksOf(png).find((c) => c.type === 'IDAT')!.data;
    expect([...inflateSync(idat)]).toEqual([0, 255, 0, 0, 15, 118, 110]);
  });
});
