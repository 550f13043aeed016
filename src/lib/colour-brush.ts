/**
 * Painting in colour on an RGB input (H×W×3, NHWC, values in [0, 1]), with the grey brush's soft
 * round footprint (brush.ts). A stroke remembers the image it started on and, per pixel, how much
 * of the brush it has laid there (the maximum over its stamps). Each pixel is the start image
 * blended toward the brush colour by that coverage, so the dozens of overlapping stamps along one
 * stroke do not pile up into a hard edge: like the grey brush, one stroke paints each pixel once.
 * Erasing is painting in black, the zero background that carries no pathway.
 */
import { FRINGE, forEachBrushPixel, strokePoints, type BrushPoint } from './brush';

/** A colour as the model reads it: red, green, blue in [0, 1]. */
export type Rgb01 = readonly [number, number, number];

export const BLACK: Rgb01 = [0, 0, 0];

export interface ColourStroke {
  /** The image the stroke started on (not changed). */
  readonly base: Float32Array;
  /** Per pixel, the largest brush strength any stamp of this stroke laid there (0…1). */
  readonly coverage: Float32Array;
  /** The base blended toward `colour` by coverage: the image with the stroke so far. */
  readonly image: Float32Array;
  readonly colour: Rgb01;
}

/** A new stroke in `colour` on a copy of `base` (width × height × 3 values). */
export function beginColourStroke(base: Float32Array, colour: Rgb01): ColourStroke {
  return {
    base: Float32Array.from(base),
    coverage: new Float32Array(Math.floor(base.length / 3)),
    image: Float32Array.from(base),
    colour: [clamp01(colour[0]), clamp01(colour[1]), clamp01(colour[2])],
  };
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** One stamp at `at`. Returns whether any value of the image changed. */
export function stampColour(
  stroke: ColourStroke,
  width: number,
  height: number,
  at: BrushPoint,
  size: number,
): boolean {
  const { base, coverage, image, colour } = stroke;
  let changed = false;
  forEachBrushPixel(width, height, at, size, (p, strength) => {
    // Compared as stored (float32), so a stamp that changes nothing says so.
    const v = Math.fround(strength);
    if (v <= (coverage[p] ?? 0)) return;
    coverage[p] = v;
    for (let k = 0; k < 3; k++) {
      const from = base[p * 3 + k] ?? 0;
      const next = from + ((colour[k] ?? 0) - from) * v;
      // The grey brush's rule: a faint fringe would give background pixels pathways.
      const clean = Math.fround(next < FRINGE ? 0 : next);
      if (clean !== image[p * 3 + k]) {
        image[p * 3 + k] = clean;
        changed = true;
      }
    }
  });
  return changed;
}

/** Stamps along a → b (brush.ts strokePoints), so fast strokes have no gaps. */
export function colourSegment(
  stroke: ColourStroke,
  width: number,
  height: number,
  a: BrushPoint,
  b: BrushPoint,
  size: number,
): boolean {
  let changed = false;
  for (const p of strokePoints(a, b, size)) {
    if (stampColour(stroke, width, height, p, size)) changed = true;
  }
  return changed;
}

/** "#rrggbb" (what <input type="color"> gives) as an Rgb01; null for anything else. */
export function parseHexColour(hex: string): Rgb01 | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

/** An Rgb01 as "#rrggbb". */
export function toHexColour(colour: Rgb01): string {
  return `#${colour
    .map((v) =>
      Math.round(clamp01(v) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
