import { describe, expect, it } from 'vitest';
import { base64, bmpBytes, rgbaImageUrl } from './rgba-image-url';

/** Reads back a 24-bit top-down BMP as RGB rows, checking the header fields a decoder uses. */
function readBmp(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('BM');
  expect(view.getUint32(2, true)).toBe(bytes.length);
  const offset = view.getUint32(10, true);
  expect(view.getUint32(14, true)).toBe(40);
  const width = view.getInt32(18, true);
  const height = -view.getInt32(22, true);
  expect(view.getUint16(26, true)).toBe(1);
  expect(view.getUint16(28, true)).toBe(24);
  expect(view.getUint32(30, true)).toBe(0); // no compression
  const stride = Math.ceil((width * 3) / 4) * 4;
  expect(bytes.length).toBe(offset + stride * height);
  const rgb: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row: number[] = [];
    for (let x = 0; x < width; x++) {
      const at = offset + y * stride + x * 3;
      row.push(bytes[at + 2]!, bytes[at + 1]!, bytes[at]!);
    }
    rgb.push(row);
  }
  return { width, height, rgb };
}

describe('rgbaImageUrl', () => {
  it('writes every pixel in its place, rows padded to 4 bytes (odd widths)', () => {
    for (const [width, height] of [
      [1, 1],
      [3, 2],
      [5, 3],
      [28, 28],
    ] as const) {
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + 11) % 256;
      const { width: w, height: h, rgb } = readBmp(bmpBytes(rgba, width, height));
      expect([w, h]).toEqual([width, height]);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          expect(rgb[y]!.slice(x * 3, x * 3 + 3)).toEqual([rgba[i], rgba[i + 1], rgba[i + 2]]);
        }
      }
    }
  });

  it('is a base64 data: URL of those bytes', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255]);
    const url = rgbaImageUrl(rgba, 2, 1)!;
    expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
    const decoded = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0));
    expect(readBmp(decoded).rgb).toEqual([[255, 0, 0, 0, 0, 255]]);
  });

  it('refuses a buffer that does not match its size', () => {
    expect(rgbaImageUrl(new Uint8ClampedArray(12), 2, 2)).toBeNull();
    expect(rgbaImageUrl(new Uint8ClampedArray(0), 0, 0)).toBeNull();
  });

  it('writes base64 as Node does, for every length modulo 3', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 256, 257, 2406]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 7) % 256);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
