// A pixel's value in words, for grey and RGB inputs alike: the readout under the canvas and the
// screen-reader announcements of the keyboard cursor use the same text. Pure; tested in Node.
import { formatNumber } from '../../lib/format';

const CHANNEL_NAMES = ['red', 'green', 'blue'] as const;

/** The values of pixel `p` of an NHWC image (one for grey, R, G, B for colour). */
export function pixelChannels(image: ArrayLike<number>, channels: number, p: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < channels; k++) out.push(image[p * channels + k] ?? 0);
  return out;
}

/** Whether every channel is 0: the background, which carries no pathway. */
export function isZeroPixel(values: readonly number[]): boolean {
  return values.every((v) => v === 0);
}

/** "0.8" for grey; "R 1 · G 0.533 · B 0" (short) or "red 1, green 0.533, blue 0" (spoken). */
export function formatPixel(
  values: readonly number[],
  style: 'short' | 'spoken' = 'short',
): string {
  if (values.length === 1) return formatNumber(values[0] ?? 0);
  return values
    .map((v, k) => {
      const name = CHANNEL_NAMES[k] ?? `channel ${k}`;
      return style === 'spoken'
        ? `${name} ${formatNumber(v)}`
        : `${name[0]?.toUpperCase()} ${formatNumber(v)}`;
    })
    .join(style === 'spoken' ? ', ' : ' · ');
}

/** Per-channel sums over `pixels` (flat pixel indices). */
export function channelSums(
  image: ArrayLike<number>,
  channels: number,
  pixels: readonly number[],
): number[] {
  const sums = new Array<number>(channels).fill(0);
  for (const p of pixels) {
    for (let k = 0; k < channels; k++) sums[k] = (sums[k] ?? 0) + (image[p * channels + k] ?? 0);
  }
  return sums;
}

/** An RGB pixel as a CSS colour, for a swatch beside its numbers. */
export function cssColour(values: readonly number[]): string {
  const [r, g, b] = values.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return `rgb(${r ?? 0} ${g ?? 0} ${b ?? 0})`;
}
