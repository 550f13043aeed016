/**
 * A soft round brush for drawing digits on the model's grid. MNIST strokes are about two to three
 * pixels wide with anti-aliased edges, so the brush has a solid core and a smooth fall-off, and
 * overlapping stamps take the maximum (ink does not pile up past 1 where a stroke crosses itself).
 * This is the grey brush; colour models paint with the same footprint (colour-brush.ts).
 */

export interface BrushPoint {
  /** Continuous grid coordinates: (0, 0) is the top-left corner of pixel 0, (W, H) the far corner. */
  x: number;
  y: number;
}

export type BrushKind = 'brush' | 'eraser';

/** Ink the brush lays at distance d (in pixels) from its centre, for a brush of diameter `size`. */
export function brushProfile(d: number, size: number): number {
  const r = Math.max(0.25, size / 2);
  // Core to r - 0.25, then a 1.25-pixel smoothstep edge: soft like MNIST's anti-aliasing.
  const t = Math.max(0, Math.min(1, (r + 1 - d) / 1.25));
  return t * t * (3 - 2 * t);
}

/** Values under this are snapped to 0: a faint fringe would otherwise give background pathways. */
export const FRINGE = 0.02;

/**
 * Calls `visit(pixel, strength)` for every pixel of a width×height grid that one stamp at `at`
 * touches (strength > 0, from brushProfile), row by row.
 */
export function forEachBrushPixel(
  width: number,
  height: number,
  at: BrushPoint,
  size: number,
  visit: (pixel: number, strength: number) => void,
): void {
  const reach = size / 2 + 1;
  const rMin = Math.max(0, Math.floor(at.y - reach));
  const rMax = Math.min(height - 1, Math.ceil(at.y + reach));
  const cMin = Math.max(0, Math.floor(at.x - reach));
  const cMax = Math.min(width - 1, Math.ceil(at.x + reach));
  for (let r = rMin; r <= rMax; r++) {
    for (let c = cMin; c <= cMax; c++) {
      const v = brushProfile(Math.hypot(c + 0.5 - at.x, r + 0.5 - at.y), size);
      if (v > 0) visit(r * width + c, v);
    }
  }
}

/**
 * The points a stroke from a to b is stamped at (b included, a not: it was stamped already).
 * Quarter-pixel steps for MNIST-sized brushes so fast strokes have no gaps; a large brush (on a
 * large image) steps a twentieth of its size, which keeps its edge smooth and the cost bounded.
 */
export function strokePoints(a: BrushPoint, b: BrushPoint, size: number): BrushPoint[] {
  const spacing = Math.max(0.25, size / 20);
  const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / spacing));
  const out: BrushPoint[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  }
  return out;
}

/** Stamp once, in place, on a grey (one value per pixel) image. Returns whether any pixel changed. */
export function stamp(
  image: Float32Array,
  width: number,
  height: number,
  at: BrushPoint,
  size: number,
  kind: BrushKind,
): boolean {
  let changed = false;
  forEachBrushPixel(width, height, at, size, (p, v) => {
    const old = image[p] ?? 0;
    const next = kind === 'brush' ? Math.max(old, v) : Math.min(old, 1 - v);
    // Compared as stored (float32), so a stamp that changes nothing says so.
    const clean = Math.fround(next < FRINGE ? 0 : next);
    if (clean !== old) {
      image[p] = clean;
      changed = true;
    }
  });
  return changed;
}

/** Stamp along the segment a → b (strokePoints), so fast strokes have no gaps. */
export function strokeSegment(
  image: Float32Array,
  width: number,
  height: number,
  a: BrushPoint,
  b: BrushPoint,
  size: number,
  kind: BrushKind,
): boolean {
  let changed = false;
  for (const p of strokePoints(a, b, size)) {
    if (stamp(image, width, height, p, size, kind)) changed = true;
  }
  return changed;
}

export interface BrushSizes {
  min: number;
  max: number;
  step: number;
  initial: number;
}

/** Brush diameters for MNIST's 28×28 grid (and anything smaller). */
export const BRUSH_SIZES = { min: 1, max: 5, step: 0.5, initial: 2.5 } as const;

/** The side the shipped brush sizes were chosen for. */
const BRUSH_REFERENCE_SIDE = 28;

/**
 * How many times larger brushes are than on a 28 px image: a stroke keeps its share of the
 * picture on a larger input, so a 256 px image is not drawn with hair-thin lines. Images up to
 * 28 px keep the shipped sizes (a 1-pixel brush is already the finest there is).
 */
export function brushScale(width: number, height: number): number {
  return Math.max(1, Math.max(width, height) / BRUSH_REFERENCE_SIDE);
}

/** The size slider's range for a width×height image; exactly BRUSH_SIZES up to 28 px. */
export function brushSizesFor(width: number, height: number): BrushSizes {
  const f = brushScale(width, height);
  if (f === 1) return BRUSH_SIZES;
  // A range input only offers min + k·step, so sizes are snapped to that lattice.
  const step = f < 2 ? 0.5 : f < 4 ? 1 : 2;
  const min = BRUSH_SIZES.min;
  const snap = (v: number) => min + Math.max(0, Math.round((v - min) / step)) * step;
  return { min, max: snap(BRUSH_SIZES.max * f), step, initial: snap(BRUSH_SIZES.initial * f) };
}

/** `size` clamped to the range and snapped to its steps. */
export function snapBrushSize(size: number, sizes: BrushSizes): number {
  if (!Number.isFinite(size)) return sizes.initial;
  const k = Math.round((size - sizes.min) / sizes.step);
  return Math.min(sizes.max, Math.max(sizes.min, sizes.min + k * sizes.step));
}
