/**
 * Ink on a photographed page, robust to uneven light and paper texture (docs/reliability.md,
 * "Uploads"). The input is a grey plane with DARK ink on LIGHT paper (the caller inverts
 * bright-on-dark pictures first):
 *
 * 1. a 3×3 box blur calms the paper grain (pictures of 160 pixels or more);
 * 2. the paper is estimated by a grey closing with a square a fifth of the picture wide (every
 *    stroke narrower than that disappears, lighting gradients and shadow edges stay), then by
 *    local planes fitted to the pixels that are not ink, which also follow the light falling
 *    off towards the border (ink-paper.ts);
 * 3. contrast = (paper − pixel) / paper: how much darker than the paper around it a pixel is,
 *    the same for a stroke in the shade as in full light;
 * 4. Otsu's threshold on the contrast (at least 0.1, and well above the paper's own noise)
 *    separates ink from paper; 8-connected pieces smaller than 5 % of the largest are specks;
 * 5. the kept strokes grow by up to 2 pixels into their soft edges (contrast above half the
 *    threshold), and the ink strength ramps from 0 at half the threshold to 1 at the strokes'
 *    median contrast, so strokes keep anti-aliased edges like MNIST's.
 */
import { labelComponents, strokeWidth } from './ink-components';
import { boxBlur, closing, maxFilter, otsuThreshold, quantile, type Plane } from './ink-filters';
import { fitPaper } from './ink-paper';

export interface InkDetection {
  /** Ink strength per pixel in [0, 1]; exactly 0 on paper. */
  ink: Float32Array;
  width: number;
  height: number;
  /** Bounding box of the ink, [row0, col0, row1, col1] inclusive; null when none was found. */
  box: [number, number, number, number] | null;
  /** Contrast above which a pixel is ink (Otsu, clamped). */
  threshold: number;
  /** Median contrast of the ink: 0.6 means the strokes are 60 % darker than the paper. */
  contrast: number;
  /** Mean stroke width of the ink, in pixels of the plane. */
  strokeWidth: number;
  /** Pixels above the threshold in kept pieces. */
  inkArea: number;
  /** Pieces dropped as specks. */
  specks: number;
  /** Whether any kept piece touches the plane's border. */
  touchesEdge: boolean;
}

const MIN_THRESHOLD = 0.1;
const SPECK_SHARE = 0.05;

/** The plane's border pixels (the paper around the digit, in most photos). */
function border(plane: Plane): Float32Array {
  const { data, width: w, height: h } = plane;
  const out: number[] = [];
  for (let c = 0; c < w; c++) out.push(data[c] ?? 0, data[(h - 1) * w + c] ?? 0);
  for (let r = 1; r < h - 1; r++) out.push(data[r * w] ?? 0, data[r * w + w - 1] ?? 0);
  return Float32Array.from(out);
}

function contrastTo(plane: Plane, paper: Float32Array): Float32Array {
  const out = new Float32Array(plane.data.length);
  for (let p = 0; p < out.length; p++) {
    const bg = paper[p] ?? 0;
    const v = (bg - (plane.data[p] ?? 0)) / Math.max(bg, 0.04);
    out[p] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
  return out;
}

/**
 * The paper under the ink. First a grey closing wide enough to erase strokes (smoothed), never
 * darker than the darkest paper on the border less a margin, so that a blob of ink wider than
 * the closing (a thick marker, a digital drawing) is still ink when the light is even. Then a
 * local plane fitted to the pixels that this first estimate calls paper (ink-paper.ts).
 */
export function estimatePaper(plane: Plane): Float32Array {
  const { width: w, height: h } = plane;
  const radius = Math.max(7, Math.round(Math.max(w, h) / 10));
  const closed = closing(plane, radius);
  const rough = boxBlur({ data: closed, width: w, height: h }, radius / 4);
  const floor = quantile(border(plane), 0.05) - 0.05;
  for (let p = 0; p < rough.length; p++) if ((rough[p] ?? 0) < floor) rough[p] = floor;
  // Paper = pixels well below the ink threshold and not next to ink. The closing overestimates
  // the paper where the light falls off towards the border, so the mask is refined twice from
  // the fitted plane itself, which follows that fall-off.
  const fitRadius = Math.max(4, Math.round(radius / 2));
  let estimate = rough;
  let share = 1;
  for (let pass = 0; pass < 3; pass++) {
    const contrast = contrastTo(plane, estimate);
    const t = chooseThreshold(contrast) * share;
    const inkish = new Float32Array(contrast.length);
    for (let p = 0; p < contrast.length; p++) inkish[p] = (contrast[p] ?? 0) > t ? 1 : 0;
    const nearInk = maxFilter({ data: inkish, width: w, height: h }, 1);
    const paper = new Uint8Array(contrast.length);
    for (let p = 0; p < contrast.length; p++) paper[p] = (nearInk[p] ?? 0) > 0 ? 0 : 1;
    estimate = fitPaper(plane, paper, fitRadius, rough, floor);
    share = 0.5;
  }
  return estimate;
}

/** How much darker than the paper each pixel is, in [0, 1]. */
function inkContrast(plane: Plane): Float32Array {
  const long = Math.max(plane.width, plane.height);
  const smooth = long >= 160 ? { ...plane, data: boxBlur(plane, 1) } : plane;
  return contrastTo(smooth, estimatePaper(smooth));
}

/** The threshold: Otsu's, at least 0.1 and 6 robust deviations above the paper's median. */
function chooseThreshold(contrast: Float32Array): number {
  const med = quantile(contrast, 0.5);
  const mad = quantile(
    contrast.map((v) => Math.abs(v - med)),
    0.5,
  );
  const noise = med + 6 * 1.4826 * mad;
  return Math.min(0.6, Math.max(MIN_THRESHOLD, otsuThreshold(contrast), noise));
}

export function detectInk(plane: Plane): InkDetection {
  const { width: w, height: h } = plane;
  const n = w * h;
  const contrast = inkContrast(plane);
  const threshold = chooseThreshold(contrast);
  const mask = new Uint8Array(n);
  for (let p = 0; p < n; p++) mask[p] = (contrast[p] ?? 0) > threshold ? 1 : 0;
  const { labels, components } = labelComponents(mask, w, h);
  const largest = components.reduce((m, c) => Math.max(m, c.area), 0);
  const minArea = Math.max(3, SPECK_SHARE * largest, n * 2e-4);
  const keep = new Uint8Array(components.length + 1);
  let touchesEdge = false;
  for (const c of components) {
    if (c.area < minArea) continue;
    keep[c.label] = 1;
    if (c.r0 === 0 || c.c0 === 0 || c.r1 === h - 1 || c.c1 === w - 1) touchesEdge = true;
  }
  const core = new Uint8Array(n);
  let inkArea = 0;
  for (let p = 0; p < n; p++) {
    if (keep[labels[p] ?? 0]) {
      core[p] = 1;
      inkArea++;
    }
  }
  const specks = components.length - keep.reduce((s, k) => s + k, 0);
  const empty: InkDetection = {
    ink: new Float32Array(n),
    width: w,
    height: h,
    box: null,
    threshold,
    contrast: 0,
    strokeWidth: 0,
    inkArea: 0,
    specks,
    touchesEdge: false,
  };
  if (inkArea === 0) return empty;

  // Soft edges: grow the strokes twice by one pixel into pixels above half the threshold.
  const low = threshold / 2;
  let grown: Uint8Array = core;
  for (let step = 0; step < 2; step++) {
    const dilated = maxFilter({ data: new Float32Array(grown), width: w, height: h }, 1);
    const next = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      next[p] = grown[p] || ((dilated[p] ?? 0) > 0 && (contrast[p] ?? 0) > low) ? 1 : 0;
    }
    grown = next;
  }
  const contrastOfInk = quantile(contrast, 0.5, core);
  const span = Math.max(1e-3, contrastOfInk - low);
  const ink = new Float32Array(n);
  let r0 = h;
  let c0 = w;
  let r1 = -1;
  let c1 = -1;
  for (let p = 0; p < n; p++) {
    if (!grown[p]) continue;
    const v = Math.min(1, Math.max(0, ((contrast[p] ?? 0) - low) / span));
    if (v <= 0) continue;
    ink[p] = v;
    const r = Math.floor(p / w);
    const c = p - r * w;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return {
    ink,
    width: w,
    height: h,
    box: r1 < 0 ? null : [r0, c0, r1, c1],
    threshold,
    contrast: contrastOfInk,
    strokeWidth: strokeWidth(core, w, h),
    inkArea,
    specks,
    touchesEdge,
  };
}

/**
 * Dark ink on light paper? The ink is the minority whose grey levels stray furthest from the
 * bulk (the paper): compare how far the darkest and the brightest 0.2 % lie from the median.
 * (Lighting spreads the paper over a range too, but a small, thin digit still fills 0.2 %.)
 */
export function looksDarkOnLight(grey: Plane): boolean {
  const med = quantile(grey.data, 0.5);
  const lo = quantile(grey.data, 0.002);
  const hi = quantile(grey.data, 0.998);
  return med - lo > hi - med;
}
