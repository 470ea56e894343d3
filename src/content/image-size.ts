export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

function svgSize(text: string): ImageSize | undefined {
  const root = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!root) return undefined;
  const attribute = (name: string) => new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(root)?.[1];
  const [width, height] = [attribute('width'), attribute('height')];
  if (width && height)
    return { width: Math.round(Number(width)), height: Math.round(Number(height)) };
  const viewBox = /\sviewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(root);
  if (!viewBox) return undefined;
  return { width: Math.round(Number(viewBox[1])), height: Math.round(Number(viewBox[2])) };
}

function pngSize(body: Buffer): ImageSize | undefined {
  if (body.length < 24 || body.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/** Intrinsic size, so that the page reserves the image's room before it loads (no layout shift). */
export function imageSize(body: Buffer, contentType: string): ImageSize | undefined {
  if (contentType.startsWith('image/svg')) return svgSize(body.toString('utf8', 0, 4096));
  if (contentType === 'image/png') return pngSize(body);
  return undefined;
}
