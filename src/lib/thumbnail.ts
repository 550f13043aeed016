/**
 * A small copy of an image for a thumbnail: each k×k block averaged (k the smallest whole factor
 * that brings the longer side to at most `maxSide`; blocks at the right and bottom edges may be
 * partial). A gallery of 256×256 samples then paints a few thousand pixels per thumbnail instead
 * of 65,536, and large images are smoothed, not aliased, when shrunk. Images that are small
 * enough come back as they are. Pure; NHWC in, NHWC out.
 */

export interface Thumbnail<T extends ArrayLike<number>> {
  values: T | Float32Array;
  width: number;
  height: number;
}

export function thumbnail<T extends ArrayLike<number>>(
  values: T,
  width: number,
  height: number,
  channels: number,
  maxSide: number,
): Thumbnail<T> {
  const k = Math.ceil(Math.max(width, height) / Math.max(1, maxSide));
  if (k <= 1) return { values, width, height };
  const tw = Math.ceil(width / k);
  const th = Math.ceil(height / k);
  const sums = new Float32Array(tw * th * channels);
  const counts = new Float32Array(tw * th);
  for (let r = 0; r < height; r++) {
    const tr = Math.floor(r / k);
    for (let c = 0; c < width; c++) {
      const t = tr * tw + Math.floor(c / k);
      counts[t] = (counts[t] ?? 0) + 1;
      const src = (r * width + c) * channels;
      for (let ch = 0; ch < channels; ch++) {
        sums[t * channels + ch] = (sums[t * channels + ch] ?? 0) + (values[src + ch] ?? 0);
      }
    }
  }
  for (let t = 0; t < tw * th; t++) {
    const n = counts[t] || 1;
    for (let ch = 0; ch < channels; ch++)
      sums[t * channels + ch] = (sums[t * channels + ch] ?? 0) / n;
  }
  return { values: sums, width: tw, height: th };
}
