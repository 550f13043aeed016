// B's image in the link (`bimg`), exactly: a gallery sample by number, or the pixels of a variant
// of the current image (attacked, occluded, shifted, drawn over, uploaded). The app's `img` code
// (src/lib/image-codec.ts) keeps 16 grey levels, which would blur an attack of ε = 0.03 away; so
// a variant is written losslessly: 8 bits a value when every value is k/255 (samples and their
// occluded, shifted or drawn copies), else the float32 values themselves (an attack).
// Form: `sample.<n>` | `<variant>.<H>x<W>x<C>.b<base64url bytes>` | `….f<base64url float32 LE>`,
// values NHWC (the channels of a pixel vary fastest). Links written before any-size models have
// no `<H>x<W>x<C>` part: they are 28×28×1, the only input there was.
import { base64UrlToBytes, bytesToBase64Url } from '../lib/image-codec';
import type { InputShape } from './input-shape';

export const COMPARE_VARIANTS = ['attacked', 'occluded', 'shifted', 'drawn', 'uploaded'] as const;
export type CompareVariant = (typeof COMPARE_VARIANTS)[number];

export type CompareImageCode =
  | { kind: 'sample'; index: number }
  | { kind: 'variant'; variant: CompareVariant; shape: InputShape; pixels: Float32Array };

/** What the encoder takes: a variant without a shape is the legacy 28×28×1 one. */
export type CompareImageInput =
  | { kind: 'sample'; index: number }
  | { kind: 'variant'; variant: CompareVariant; shape?: InputShape; pixels: Float32Array };

/**
 * Longest code read (and worth writing): a 64×64 RGB float32 image is 65,536 characters, a 28×28
 * one 4,182. Links are hostile input, so the cap comes before any decoding.
 */
export const MAX_COMPARE_CODE = 66_000;
/** The geometry of a code without one (links from before any-size models). */
const LEGACY_SHAPE: InputShape = Object.freeze({ height: 28, width: 28, channels: 1 });
const MAX_SIDE = 256;
const MAX_CHANNELS = 4;

function isVariant(text: string): text is CompareVariant {
  return (COMPARE_VARIANTS as readonly string[]).includes(text);
}

function bytesOf(pixels: Float32Array): Uint8Array | null {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const k = Math.round((pixels[i] ?? 0) * 255);
    if (k < 0 || k > 255 || Math.fround(k / 255) !== pixels[i]) return null;
    out[i] = k;
  }
  return out;
}

const shapeText = (s: InputShape) => `${s.height}x${s.width}x${s.channels}`;

function parseShape(text: string): InputShape | null {
  const m = /^(\d{1,3})x(\d{1,3})x(\d)$/.exec(text);
  if (!m) return null;
  const [height, width, channels] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const side = (n: number) => n >= 1 && n <= MAX_SIDE;
  return side(height) && side(width) && channels >= 1 && channels <= MAX_CHANNELS
    ? { height, width, channels }
    : null;
}

/** The code; a variant's pixels must hold H×W×C values of its shape (28×28×1 without one). */
export function encodeCompareImage(code: CompareImageInput): string {
  if (code.kind === 'sample') return `sample.${code.index}`;
  const { pixels } = code;
  const shape = code.shape ?? LEGACY_SHAPE;
  if (pixels.length !== shape.height * shape.width * shape.channels)
    throw new RangeError(`${pixels.length} values are not an image of ${shapeText(shape)}.`);
  const head = `${code.variant}.${shapeText(shape)}`;
  const bytes = bytesOf(pixels);
  if (bytes) return `${head}.b${bytesToBase64Url(bytes)}`;
  const floats = new Uint8Array(pixels.length * 4);
  const view = new DataView(floats.buffer);
  pixels.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return `${head}.f${bytesToBase64Url(floats)}`;
}

/** Whether a code is short enough to travel in a link (longer B images stay out of it). */
export function compareCodeFitsLink(text: string): boolean {
  return text.length <= MAX_COMPARE_CODE;
}

/**
 * The code, or undefined when anything is off (links are hostile: strict, length- and
 * size-checked). `shape`, when given, is the only geometry accepted; without it any geometry the
 * app can read is, and the caller checks it against the model (compare-url.ts, `check`).
 */
export function decodeCompareImage(text: string, shape?: InputShape): CompareImageCode | undefined {
  if (text.length > MAX_COMPARE_CODE) return undefined;
  const parts = text.split('.');
  const head = parts[0] ?? '';
  if (head === 'sample') {
    const body = parts[1] ?? '';
    return parts.length === 2 && /^\d{1,5}$/.test(body)
      ? { kind: 'sample', index: Number(body) }
      : undefined;
  }
  if (!isVariant(head) || (parts.length !== 2 && parts.length !== 3)) return undefined;
  const geometry = parts.length === 3 ? parseShape(parts[1]!) : LEGACY_SHAPE;
  if (!geometry) return undefined;
  if (
    shape &&
    (shape.height !== geometry.height ||
      shape.width !== geometry.width ||
      shape.channels !== geometry.channels)
  )
    return undefined;
  const size = geometry.height * geometry.width * geometry.channels;
  const body = parts[parts.length - 1]!;
  const bytes = base64UrlToBytes(body.slice(1));
  if (!bytes) return undefined;
  let pixels: Float32Array;
  if (body[0] === 'b' && bytes.length === size) {
    pixels = Float32Array.from(bytes, (k) => k / 255);
  } else if (body[0] === 'f' && bytes.length === size * 4) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    pixels = new Float32Array(size);
    for (let i = 0; i < size; i++) pixels[i] = view.getFloat32(i * 4, true);
  } else return undefined;
  // Model inputs are in [0, 1]; anything else (NaN included) is not an image this app made.
  if (!pixels.every((v) => v >= 0 && v <= 1)) return undefined;
  return { kind: 'variant', variant: head, shape: geometry, pixels };
}
