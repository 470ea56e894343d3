import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, check]);
}

/**
 * An opaque RGBA picture as an 8-bit RGB PNG. resvg's own encoder keeps the alpha channel and
 * took 16 to 20 ms a share card; dropping the alpha (the cards are opaque) and deflating at
 * level 6 takes about 12 ms and gives a third smaller files.
 */
export function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const row = width * 3 + 1;
  const raw = Buffer.alloc(height * row);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    let to = y * row + 1;
    for (let from = y * width * 4, end = from + width * 4; from < end; from += 4) {
      raw[to++] = rgba[from]!;
      raw[to++] = rgba[from + 1]!;
      raw[to++] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  const image = deflateSync(raw, { level: 6 });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', image),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
