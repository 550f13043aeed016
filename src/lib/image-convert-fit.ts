/**
 * Fitting detected ink into the model's grid the way MNIST was made (LeCun et al.: the digit's
 * bounding box scaled into 20×20 keeping its aspect, then placed in 28×28 so that its centre of
 * mass sits at the centre), with strokes thickened to MNIST's width when a fine pen would come
 * out as a faint one-pixel line. Pure maths, tested in Node.
 */
import { maxFilter, type Plane } from './ink-filters';

export type FitMode = 'mnist' | 'contain';

/** MNIST strokes, thresholded at half intensity, are 2.1–3.7 pixels wide (median 2.6). */
const MIN_STROKE = 2.2;
const TARGET_STROKE = 2.6;
/** Output values below this are exactly 0: faint fringes would carry spurious pathways. */
const OUTPUT_FLOOR = 0.05;

/**
 * Area-average resampling of a window of `src` onto a dw×dh grid: each output pixel is the mean
 * of the source area it covers (exact box filter, fractional edges weighted), which is right for
 * shrinking photos and keeps edges soft like MNIST's anti-aliased strokes when enlarging.
 */
export function resampleArea(
  src: Plane,
  box: { x: number; y: number; w: number; h: number },
  dw: number,
  dh: number,
): Float32Array {
  const out = new Float32Array(dw * dh);
  const sx = box.w / dw;
  const sy = box.h / dh;
  for (let oy = 0; oy < dh; oy++) {
    const y0 = box.y + oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < dw; ox++) {
      const x0 = box.x + ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      let area = 0;
      for (let yy = Math.floor(y0); yy < Math.ceil(y1); yy++) {
        const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
        if (wy <= 0 || yy < 0 || yy >= src.height) continue;
        for (let xx = Math.floor(x0); xx < Math.ceil(x1); xx++) {
          const wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
          if (wx <= 0 || xx < 0 || xx >= src.width) continue;
          sum += wx * wy * (src.data[yy * src.width + xx] ?? 0);
          area += wx * wy;
        }
      }
      out[oy * dw + ox] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

/** Centre of mass (row, col) in pixel-index coordinates; null for an all-zero image. */
export function centreOfMass(data: ArrayLike<number>, width: number): [number, number] | null {
  let m = 0;
  let sr = 0;
  let sc = 0;
  for (let p = 0; p < data.length; p++) {
    const v = data[p] ?? 0;
    if (v <= 0) continue;
    m += v;
    sr += v * Math.floor(p / width);
    sc += v * (p % width);
  }
  return m > 0 ? [sr / m, sc / m] : null;
}

function boxOf(plane: Plane): [number, number, number, number] | null {
  let r0 = plane.height;
  let c0 = plane.width;
  let r1 = -1;
  let c1 = -1;
  for (let p = 0; p < plane.data.length; p++) {
    if (!((plane.data[p] ?? 0) > 0)) continue;
    const r = Math.floor(p / plane.width);
    const c = p - r * plane.width;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return r1 < 0 ? null : [r0, c0, r1, c1];
}

export interface FitInput {
  /** Ink strength in [0, 1], 0 on paper. */
  ink: Plane;
  /** Mean stroke width of the ink in its own pixels (0: unknown, never thickened). */
  strokeWidth: number;
}

export interface FitResult {
  image: Float32Array;
  inkPixels: number;
  /** Ink box in the plane, [row0, col0, row1, col1] inclusive. */
  box: [number, number, number, number];
  /** Stroke width in output pixels before any thickening. */
  strokeOut: number;
  /** Radius (plane pixels) by which strokes were thickened; 0 when they were wide enough. */
  thickenedBy: number;
}

/** Ink box → 20×20 (MNIST) or the whole grid (contain), keeping aspect → placed in the grid. */
export function fitInk(
  input: FitInput,
  targetWidth: number,
  targetHeight: number,
  fit: FitMode,
): FitResult | null {
  let ink = input.ink;
  const first = boxOf(ink);
  if (!first) return null;
  let box: [number, number, number, number] = first;
  const boxSide =
    fit === 'mnist'
      ? Math.max(1, Math.round(Math.min(targetWidth, targetHeight) * (20 / 28)))
      : Math.min(targetWidth, targetHeight);
  const scaleOf = (b: [number, number, number, number]) =>
    boxSide / Math.max(b[2] - b[0] + 1, b[3] - b[1] + 1);
  const strokeOut = input.strokeWidth * scaleOf(box);
  let thickenedBy = 0;
  if (input.strokeWidth > 0 && strokeOut < MIN_STROKE) {
    // Grow the strokes (grey dilation) until they come out MNIST-wide; the box grows with them.
    let radius = Math.round((TARGET_STROKE / scaleOf(box) - input.strokeWidth) / 2);
    for (let i = 0; i < 3 && radius >= 1; i++) {
      thickenedBy = radius;
      const grown = { ...ink, data: maxFilter(input.ink, radius) };
      const grownBox: [number, number, number, number] = boxOf(grown) ?? box;
      ink = grown;
      box = grownBox;
      const needed = Math.round((TARGET_STROKE / scaleOf(box) - input.strokeWidth) / 2);
      if (needed <= radius) break;
      radius = needed;
    }
  }
  const [r0, c0, r1, c1] = box;
  const bw = c1 - c0 + 1;
  const bh = r1 - r0 + 1;
  const scale = scaleOf(box);
  const dw = Math.max(1, Math.min(targetWidth, Math.round(bw * scale)));
  const dh = Math.max(1, Math.min(targetHeight, Math.round(bh * scale)));
  const patch = resampleArea(ink, { x: c0, y: r0, w: bw, h: bh }, dw, dh);
  let peak = 0;
  for (const v of patch) if (v > peak) peak = v;
  if (peak > 0) for (let i = 0; i < patch.length; i++) patch[i] = (patch[i] ?? 0) / peak;

  // Place the patch: centred by mass (MNIST) or by its box; integer shifts keep pixels crisp.
  let top = Math.floor((targetHeight - dh) / 2);
  let left = Math.floor((targetWidth - dw) / 2);
  if (fit === 'mnist') {
    const com = centreOfMass(patch, dw);
    if (com) {
      top = Math.round((targetHeight - 1) / 2 - com[0]);
      left = Math.round((targetWidth - 1) / 2 - com[1]);
    }
    top = Math.max(0, Math.min(targetHeight - dh, top));
    left = Math.max(0, Math.min(targetWidth - dw, left));
  }
  const image = new Float32Array(targetWidth * targetHeight);
  let inkPixels = 0;
  for (let r = 0; r < dh; r++) {
    for (let c = 0; c < dw; c++) {
      const v = patch[r * dw + c] ?? 0;
      const clean = v < OUTPUT_FLOOR ? 0 : v;
      image[(top + r) * targetWidth + left + c] = clean;
      if (clean > 0) inkPixels++;
    }
  }
  return { image, inkPixels, box, strokeOut, thickenedBy };
}
