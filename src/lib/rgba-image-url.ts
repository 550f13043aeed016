/**
 * An RGBA buffer as a BMP data: URL, for small opaque pictures that never change once drawn (the
 * gallery's thumbnails). An <img> is painted into the page's own layer, where every <canvas> is a
 * composited layer of its own: 80 thumbnail canvases made each frame's layerize step, on the
 * path of every click, several milliseconds longer (docs/benchmarks.md, "Frame work after a
 * click"). A BMP, not a PNG from a canvas: it is written in a few microseconds with no canvas
 * (`toDataURL('image/png')` compressed each one on the main thread, about 25 ms for a gallery,
 * during the page's first render: docs/benchmarks.md, "Speed, seventh pass"). Alpha is dropped
 * (the thumbnails are opaque). Null for an empty or mis-sized buffer.
 */
export function rgbaImageUrl(
  rgba: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
): string | null {
  if (width <= 0 || height <= 0 || rgba.length !== width * height * 4) return null;
  return `data:image/bmp;base64,${base64(bmpBytes(rgba, width, height))}`;
}

const FILE_HEADER = 14;
const INFO_HEADER = 40;

/** A 24-bit BMP (BITMAPINFOHEADER), rows top-down (negative height), each padded to 4 bytes. */
export function bmpBytes(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const offset = FILE_HEADER + INFO_HEADER;
  const bytes = new Uint8Array(offset + stride * height);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; // 'B'
  bytes[1] = 0x4d; // 'M'
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, INFO_HEADER, true);
  view.setInt32(18, width, true);
  view.setInt32(22, -height, true);
  view.setUint16(26, 1, true); // planes
  view.setUint16(28, 24, true); // bits per pixel
  view.setUint32(34, stride * height, true);
  view.setInt32(38, 2835, true); // 72 dpi, both ways
  view.setInt32(42, 2835, true);
  for (let y = 0; y < height; y++) {
    let out = offset + y * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      bytes[out++] = rgba[i + 2] ?? 0;
      bytes[out++] = rgba[i + 1] ?? 0;
      bytes[out++] = rgba[i] ?? 0;
    }
  }
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(BASE64, (c) => c.charCodeAt(0));
const PAD = 61; // '='
const ascii = new TextDecoder('latin1');

/** Base64 by table into a byte array, decoded once (btoa needs a binary string made first). */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = CODES[(n >> 6) & 63]!;
    out[o++] = CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | ((rest > 1 ? bytes[i + 1]! : 0) << 8);
    out[o++] = CODES[n >> 18]!;
    out[o++] = CODES[(n >> 12) & 63]!;
    out[o++] = rest > 1 ? CODES[(n >> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return ascii.decode(out);
}
