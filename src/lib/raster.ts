/**
 * Pure builders of RGBA pixel buffers (ImageData layout: 4 bytes per pixel, row-major) from
 * scalar maps. Canvases just put these buffers; keeping the colour maths here lets Node tests
 * check exactly what is drawn.
 */
import { divergingRgb, greyRgb, normalizeSigned } from './colors';

export type RgbaBuffer = Uint8ClampedArray<ArrayBuffer>;

/** Channel k of an NHWC map [H×W×C] as a H×W plane. */
export function channelPlane(
  data: Float32Array,
  height: number,
  width: number,
  channels: number,
  k: number,
): Float32Array {
  const n = height * width;
  const out = new Float32Array(n);
  if (k < 0 || k >= channels || data.length < n * channels) return out;
  for (let p = 0; p < n; p++) out[p] = data[p * channels + k] ?? 0;
  return out;
}

/** Largest value of a plane, at least 0 (activations after ReLU are ≥ 0). */
export function maxValue(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

function put(out: RgbaBuffer, p: number, r: number, g: number, b: number): void {
  out[p * 4] = r;
  out[p * 4 + 1] = g;
  out[p * 4 + 2] = b;
  out[p * 4 + 3] = 255;
}

/** Grey "ink" rendering: 0 → white paper, `max` → dark grey. */
export function paintGrey(values: ArrayLike<number>, max: number, darkest = 0.12): RgbaBuffer {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let p = 0; p < values.length; p++) {
    const [r, g, b] = greyRgb(max > 0 ? (values[p] ?? 0) / max : 0, darkest);
    put(out, p, r, g, b);
  }
  return out;
}

/**
 * An input image as it is shown: grey images as ink on paper (paintGrey: 0 → white), RGB images
 * (NHWC, channels fastest) in their own colours, so 0 is black. `max` is the value drawn as full
 * ink or full intensity (1 for pixel/255 floats, 255 for raw sample bytes).
 */
export function paintImage(values: ArrayLike<number>, channels: number, max = 1): RgbaBuffer {
  if (channels !== 3) return paintGrey(values, max, 0.08);
  const n = Math.floor(values.length / 3);
  const out = new Uint8ClampedArray(n * 4);
  const k = max > 0 ? 255 / max : 0;
  for (let p = 0; p < n; p++) {
    // Uint8ClampedArray rounds and clamps, so values outside [0, max] cannot wrap around.
    put(
      out,
      p,
      (values[p * 3] ?? 0) * k,
      (values[p * 3 + 1] ?? 0) * k,
      (values[p * 3 + 2] ?? 0) * k,
    );
  }
  return out;
}

export interface OverlayOptions {
  /** Context layer (activation, input digit) drawn in light grey; null for none. */
  base: ArrayLike<number> | null;
  baseMax: number;
  /** How dark the base may get (0 = black … 1 = invisible); light so the colour dominates. */
  baseDarkest?: number;
  /** Signed values drawn with the diverging scale, normalised by `extent`. */
  signed: ArrayLike<number> | null;
  extent: number;
}

/**
 * Signed values in diverging colour over a grey context. The colour's opacity grows with |t|, so
 * where the signed map is 0 the grey context shows untouched, and strong values are fully coloured.
 */
export function paintOverlay(length: number, options: OverlayOptions): RgbaBuffer {
  const { base, baseMax, signed, extent } = options;
  const baseDarkest = options.baseDarkest ?? 0.55;
  const out = new Uint8ClampedArray(length * 4);
  for (let p = 0; p < length; p++) {
    const bv = base && baseMax > 0 ? (base[p] ?? 0) / baseMax : 0;
    const [gr, gg, gb] = greyRgb(bv, baseDarkest);
    const t = signed ? normalizeSigned(signed[p] ?? 0, extent) : 0;
    if (t === 0) {
      put(out, p, gr, gg, gb);
      continue;
    }
    const [cr, cg, cb] = divergingRgb(t);
    // sqrt lifts small values into view without letting them hide the context entirely.
    const a = Math.min(1, Math.sqrt(Math.abs(t)) * 1.1);
    put(out, p, gr + (cr - gr) * a, gg + (cg - gg) * a, gb + (cb - gb) * a);
  }
  return out;
}
