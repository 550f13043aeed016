/**
 * The paper's brightness under the ink, second pass: a local linear fit (weighted least squares
 * over a square window) of the grey levels of the pixels already known to be paper. A grey
 * closing alone overestimates the paper where the light falls off towards the picture's border
 * (its window only sees the brighter inside) and picks up the brightest grain; a plane fitted to
 * the paper pixels around each point follows gradients and soft shadows up to the border.
 */
import type { Plane } from './ink-filters';

type Nine = [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
];

/** Sums over a (2r+1)² square clipped at the border, in float64 (exact enough for the fit). */
function boxSum(src: Float64Array, w: number, h: number, r: number): Float64Array {
  const rows = new Float64Array(w * h);
  const prefix = new Float64Array(Math.max(w, h) + 1);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) prefix[x + 1] = (prefix[x] ?? 0) + (src[y * w + x] ?? 0);
    for (let x = 0; x < w; x++) {
      rows[y * w + x] = (prefix[Math.min(w, x + r + 1)] ?? 0) - (prefix[Math.max(0, x - r)] ?? 0);
    }
  }
  const out = new Float64Array(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) prefix[y + 1] = (prefix[y] ?? 0) + (rows[y * w + x] ?? 0);
    for (let y = 0; y < h; y++) {
      out[y * w + x] = (prefix[Math.min(h, y + r + 1)] ?? 0) - (prefix[Math.max(0, y - r)] ?? 0);
    }
  }
  return out;
}

/**
 * @param plane grey levels (dark ink on light paper)
 * @param paper 1 where the pixel is paper, 0 where it is (or may be) ink
 * @param radius half-width of the fitting window
 * @param fallback used where the window holds too little paper to fit (inside wide ink)
 * @param floor the estimate is never below this
 */
export function fitPaper(
  plane: Plane,
  paper: Uint8Array,
  radius: number,
  fallback: Float32Array,
  floor: number,
): Float32Array {
  const { width: w, height: h, data } = plane;
  const n = w * h;
  // The light is smooth at the window's scale: the moments are summed in blocks of f×f pixels
  // (exact sums), the windows are slid block by block, and each pixel is evaluated with its
  // block's plane. f = radius / 5 keeps it 16–25× cheaper than pixel by pixel.
  const f = Math.max(1, Math.floor(radius / 5));
  const bw = Math.ceil(w / f);
  const bh = Math.ceil(h / f);
  const nb = bw * bh;
  // Coordinates centred and scaled by the radius keep the normal equations well conditioned.
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const moments = Array.from({ length: 9 }, () => new Float64Array(nb));
  const [m, mx, my, mxx, mxy, myy, mg, mxg, myg] = moments as Nine;
  for (let p = 0; p < n; p++) {
    if (!paper[p]) continue;
    const px = p % w;
    const py = (p - px) / w;
    const b = Math.floor(py / f) * bw + Math.floor(px / f);
    const x = (px - cx) / radius;
    const y = (py - cy) / radius;
    const g = data[p] ?? 0;
    m[b]! += 1;
    mx[b]! += x;
    my[b]! += y;
    mxx[b]! += x * x;
    mxy[b]! += x * y;
    myy[b]! += y * y;
    mg[b]! += g;
    mxg[b]! += x * g;
    myg[b]! += y * g;
  }
  const br = Math.max(1, Math.round(radius / f));
  const [s0, sx, sy, sxx, sxy, syy, sg, sxg, syg] = moments.map((a) =>
    boxSum(a, bw, bh, br),
  ) as Nine;
  const minCount = 0.15 * Math.min((2 * br + 1) * f, w) * Math.min((2 * br + 1) * f, h);
  // Per block: the plane's coefficients, or NaN where the window has too little paper.
  const coef = new Float64Array(nb * 3).fill(NaN);
  for (let b = 0; b < nb; b++) {
    const count = s0[b] ?? 0;
    if (count < minCount) continue;
    const a11 = count;
    const a12 = sx[b] ?? 0;
    const a13 = sy[b] ?? 0;
    const a22 = sxx[b] ?? 0;
    const a23 = sxy[b] ?? 0;
    const a33 = syy[b] ?? 0;
    const b1 = sg[b] ?? 0;
    const b2 = sxg[b] ?? 0;
    const b3 = syg[b] ?? 0;
    // Cramer's rule on the symmetric 3×3 system; a flat fit where it is degenerate.
    const c11 = a22 * a33 - a23 * a23;
    const c12 = a13 * a23 - a12 * a33;
    const c13 = a12 * a23 - a13 * a22;
    const det = a11 * c11 + a12 * c12 + a13 * c13;
    if (Math.abs(det) > 1e-9 * count * count * count) {
      coef[b * 3] = (b1 * c11 + b2 * c12 + b3 * c13) / det;
      coef[b * 3 + 1] =
        (b1 * c12 + b2 * (a11 * a33 - a13 * a13) + b3 * (a12 * a13 - a11 * a23)) / det;
      coef[b * 3 + 2] =
        (b1 * c13 + b2 * (a12 * a13 - a11 * a23) + b3 * (a11 * a22 - a12 * a12)) / det;
    } else {
      coef[b * 3] = b1 / count;
      coef[b * 3 + 1] = 0;
      coef[b * 3 + 2] = 0;
    }
  }
  const out = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const px = p % w;
    const py = (p - px) / w;
    const b = Math.floor(py / f) * bw + Math.floor(px / f);
    const a = coef[b * 3] ?? NaN;
    const closed = fallback[p] ?? 0;
    let est = closed;
    if (!Number.isNaN(a)) {
      const x = (px - cx) / radius;
      const y = (py - cy) / radius;
      // Never above the closing (which only overestimates), never below the darkest paper.
      est = Math.min(closed + 0.02, a + (coef[b * 3 + 1] ?? 0) * x + (coef[b * 3 + 2] ?? 0) * y);
    }
    out[p] = Math.max(floor, est);
  }
  return out;
}
