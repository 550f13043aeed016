// B's image in the link (`bimg`), exactly: a gallery sample by number, or the pixels of a variant
// of the current image (attacked, occluded, shifted, drawn over, uploaded). The app's `img` code
// (src/lib/image-codec.ts) keeps 16 grey levels, which would blur an attack of ε = 0.03 away; so
// a variant is written losslessly: 8 bits a pixel when every value is k/255 (samples and their
// occluded, shifted or drawn copies), else the float32 values themselves (an attack).
// Form: `sample.<n>` | `<variant>.b<base64url bytes>` | `<variant>.f<base64url float32 LE>`.
import { base64UrlToBytes, bytesToBase64Url } from '../lib/image-codec';

export const COMPARE_VARIANTS = ['attacked', 'occluded', 'shifted', 'drawn', 'uploaded'] as const;
export type CompareVariant = (typeof COMPARE_VARIANTS)[number];

export type CompareImageCode =
  | { kind: 'sample'; index: number }
  | { kind: 'variant'; variant: CompareVariant; pixels: Float32Array };

/** Longest code accepted: a 28×28 float32 image is 4,182 characters. */
const MAX_CODE = 4400;

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

export function encodeCompareImage(code: CompareImageCode): string {
  if (code.kind === 'sample') return `sample.${code.index}`;
  const bytes = bytesOf(code.pixels);
  if (bytes) return `${code.variant}.b${bytesToBase64Url(bytes)}`;
  const floats = new Uint8Array(code.pixels.length * 4);
  const view = new DataView(floats.buffer);
  code.pixels.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return `${code.variant}.f${bytesToBase64Url(floats)}`;
}

/** The code, or undefined when anything is off (links are hostile: strict, and size-checked). */
export function decodeCompareImage(text: string, size: number): CompareImageCode | undefined {
  if (text.length > MAX_CODE) return undefined;
  const dot = text.indexOf('.');
  const head = text.slice(0, dot);
  const body = text.slice(dot + 1);
  if (dot < 0) return undefined;
  if (head === 'sample') {
    return /^\d{1,5}$/.test(body) ? { kind: 'sample', index: Number(body) } : undefined;
  }
  if (!isVariant(head)) return undefined;
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
  return { kind: 'variant', variant: head, pixels };
}
