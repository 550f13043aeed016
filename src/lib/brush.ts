/**
 * A soft round brush for drawing digits on the model's grid. MNIST strokes are about two to three
 * pixels wide with anti-aliased edges, so the brush has a solid core and a smooth fall-off, and
 * overlapping stamps take the maximum (ink does not pile up past 1 where a stroke crosses itself).
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

/** Stamp once, in place. Returns whether any pixel changed. */
export function stamp(
  image: Float32Array,
  width: number,
  height: number,
  at: BrushPoint,
  size: number,
  kind: BrushKind,
): boolean {
  const reach = size / 2 + 1;
  const rMin = Math.max(0, Math.floor(at.y - reach));
  const rMax = Math.min(height - 1, Math.ceil(at.y + reach));
  const cMin = Math.max(0, Math.floor(at.x - reach));
  const cMax = Math.min(width - 1, Math.ceil(at.x + reach));
  let changed = false;
  for (let r = rMin; r <= rMax; r++) {
    for (let c = cMin; c <= cMax; c++) {
      const d = Math.hypot(c + 0.5 - at.x, r + 0.5 - at.y);
      const v = brushProfile(d, size);
      if (v <= 0) continue;
      const p = r * width + c;
      const old = image[p] ?? 0;
      const next = kind === 'brush' ? Math.max(old, v) : Math.min(old, 1 - v);
      // Snap tiny values to 0: a faint fringe would otherwise give background pixels pathways.
      const clean = next < 0.02 ? 0 : next;
      if (clean !== old) {
        image[p] = clean;
        changed = true;
      }
    }
  }
  return changed;
}

/** Stamp along the segment a → b at quarter-pixel steps, so fast strokes have no gaps. */
export function strokeSegment(
  image: Float32Array,
  width: number,
  height: number,
  a: BrushPoint,
  b: BrushPoint,
  size: number,
  kind: BrushKind,
): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 0.25));
  let changed = false;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const p = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    if (stamp(image, width, height, p, size, kind)) changed = true;
  }
  return changed;
}

export const BRUSH_SIZES = { min: 1, max: 5, step: 0.5, initial: 2.5 } as const;
