/**
 * A compact, link-safe text form for a drawn or uploaded input image (the URL's `img` field).
 *
 * Pixels are quantised to 16 grey levels (4 bits). The stream of 4-bit symbols is:
 *   1…15        one pixel of level q (value q / 15)
 *   0, hi, lo   a run of (hi·16 + lo) + 1 zero pixels (1…256): MNIST is mostly background
 * Bytes: [version = 1][height][width][symbols packed two per byte, high nibble first]; an odd
 * symbol count is padded with one 0 nibble. The bytes are written as base64url without padding.
 * A typical MNIST digit takes about 200 characters. Version 2 is the same stream over an RGB (or
 * any-channel) image, NHWC (channels vary fastest), or a side of 256: [2][height − 1][width − 1]
 * [channels][symbols]. Grey images up to 255 px keep version 1, so old links still open.
 *
 * Decoding is strict because links are hostile input: length caps, alphabet, canonical base64,
 * version, exact dimensions, runs that overflow the image, and trailing bytes are all rejected.
 * Quantise the image when it is committed (see `quantizeImage`) so that what the app computes on
 * is exactly what the link reproduces.
 */

const IMAGE_CODEC_VERSION = 1;
const IMAGE_CODEC_VERSION_CHANNELS = 2;
/** Largest side either version can carry (version 2 stores side − 1 in a byte). */
export const MAX_CODED_SIDE = 256;
const LEVELS = 15;
const MAX_RUN = 256;
/** Longest code accepted (and written: a longer image stays out of the link, url-sync.ts). */
export const MAX_TEXT_LENGTH = 8192;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type DecodeResult = { ok: true; image: Float32Array } | { ok: false; error: string };

function quantizeLevel(v: number): number {
  if (!Number.isFinite(v) || v <= 0) return 0;
  return Math.min(LEVELS, Math.round(v * LEVELS));
}

/** The image as the link will reproduce it: every value snapped to one of 16 levels. */
export function quantizeImage(image: Float32Array): Float32Array {
  const out = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++) out[i] = quantizeLevel(image[i] ?? 0) / LEVELS;
  return out;
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) s += B64[(n >> (18 - 6 * k)) & 63];
  }
  return s;
}

/** Strict base64url (no padding, canonical trailing bits); null when anything is off. */
export function base64UrlToBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = chunk[k];
      const v = ch === undefined ? 0 : B64.indexOf(ch);
      if (v < 0) return null;
      n |= v << (18 - 6 * k);
    }
    const bytes = chunk.length - 1;
    // Non-canonical encodings (stray low bits) would let two strings mean one image.
    if (bytes === 1 && (n & 0xffff) !== 0) return null;
    if (bytes === 2 && (n & 0xff) !== 0) return null;
    for (let k = 0; k < bytes; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out;
}

/** The header bytes: version 1 where it suffices (grey, sides ≤ 255), else version 2. */
function headerBytes(width: number, height: number, channels: number): number[] {
  if (channels === 1 && width <= 255 && height <= 255) return [IMAGE_CODEC_VERSION, height, width];
  return [IMAGE_CODEC_VERSION_CHANNELS, height - 1, width - 1, channels];
}

export function encodeImage(
  image: Float32Array,
  width: number,
  height: number,
  channels = 1,
): string {
  const fits = (side: number) => Number.isInteger(side) && side >= 1 && side <= MAX_CODED_SIDE;
  if (
    !fits(width) ||
    !fits(height) ||
    !Number.isInteger(channels) ||
    channels < 1 ||
    channels > 4 ||
    image.length !== width * height * channels
  ) {
    throw new RangeError(
      `Cannot encode a ${width}×${height}×${channels} image of ${image.length} values.`,
    );
  }
  const symbols: number[] = [];
  let zeros = 0;
  const flush = () => {
    while (zeros > 0) {
      const run = Math.min(MAX_RUN, zeros);
      symbols.push(0, (run - 1) >> 4, (run - 1) & 15);
      zeros -= run;
    }
  };
  for (let i = 0; i < image.length; i++) {
    const q = quantizeLevel(image[i] ?? 0);
    if (q === 0) {
      zeros++;
    } else {
      flush();
      symbols.push(q);
    }
  }
  flush();
  if (symbols.length % 2) symbols.push(0);
  const header = headerBytes(width, height, channels);
  const bytes = new Uint8Array(header.length + symbols.length / 2);
  bytes.set(header);
  for (let i = 0; i < symbols.length; i += 2) {
    bytes[header.length + i / 2] = ((symbols[i] ?? 0) << 4) | (symbols[i + 1] ?? 0);
  }
  return bytesToBase64Url(bytes);
}

interface CodeHeader {
  width: number;
  height: number;
  channels: number;
  /** Bytes before the symbols. */
  length: number;
}

/** The geometry a code's first bytes declare, or a reason it has none. */
function readHeader(bytes: Uint8Array): CodeHeader | string {
  const version = bytes[0];
  if (version === IMAGE_CODEC_VERSION) {
    if (bytes.length < 3) return 'The image code is truncated.';
    return { height: bytes[1] ?? 0, width: bytes[2] ?? 0, channels: 1, length: 3 };
  }
  if (version === IMAGE_CODEC_VERSION_CHANNELS) {
    if (bytes.length < 4) return 'The image code is truncated.';
    const channels = bytes[3] ?? 0;
    if (channels < 1 || channels > 4) return `The image code declares ${channels} channels.`;
    return { height: (bytes[1] ?? 0) + 1, width: (bytes[2] ?? 0) + 1, channels, length: 4 };
  }
  return `Unknown image code version ${version}.`;
}

function shapeText(width: number, height: number, channels: number): string {
  return channels === 1 ? `${width}×${height}` : `${width}×${height}×${channels}`;
}

/** The size an image code declares, or null when it is not a readable code at all. */
export function peekImageSize(
  text: string,
): { width: number; height: number; channels: number } | null {
  if (text.length === 0 || text.length > MAX_TEXT_LENGTH) return null;
  const bytes = base64UrlToBytes(text);
  if (!bytes || bytes.length < 3) return null;
  const header = readHeader(bytes);
  if (typeof header === 'string') return null;
  const { width, height, channels } = header;
  return width > 0 && height > 0 ? { width, height, channels } : null;
}

export function decodeImage(
  text: string,
  width: number,
  height: number,
  channels = 1,
): DecodeResult {
  const fail = (error: string): DecodeResult => ({ ok: false, error });
  if (typeof text !== 'string' || text.length === 0) return fail('The image code is empty.');
  if (text.length > MAX_TEXT_LENGTH) return fail('The image code is too long.');
  const bytes = base64UrlToBytes(text);
  if (!bytes) return fail('The image code has characters or padding that do not belong there.');
  if (bytes.length < 3) return fail('The image code is truncated.');
  const header = readHeader(bytes);
  if (typeof header === 'string') return fail(header);
  if (header.height !== height || header.width !== width || header.channels !== channels) {
    return fail(
      `The image is ${shapeText(header.width, header.height, header.channels)} but the model takes ${shapeText(width, height, channels)}.`,
    );
  }
  const start = header.length;
  const n = width * height * channels;
  const image = new Float32Array(n);
  const nibbles = (bytes.length - start) * 2;
  const nib = (i: number) => {
    const b = bytes[start + (i >> 1)] ?? 0;
    return i % 2 ? b & 15 : b >> 4;
  };
  let i = 0;
  let p = 0;
  while (p < n) {
    if (i >= nibbles) return fail('The image code ends before the image does.');
    const s = nib(i++);
    if (s !== 0) {
      image[p++] = s / LEVELS;
      continue;
    }
    if (i + 2 > nibbles) return fail('The image code ends inside a run of zeros.');
    const run = nib(i) * 16 + nib(i + 1) + 1;
    i += 2;
    if (p + run > n) return fail('A run of zeros overflows the image.');
    p += run; // already 0
  }
  // Exactly one 0 padding nibble is allowed, and only to fill the last byte.
  if (i === nibbles - 1 && nib(i) === 0) i++;
  if (i !== nibbles) return fail('The image code has trailing data.');
  return { ok: true, image };
}
