/**
 * Image filters for ink detection on grey planes (Float32Array, row-major): separable box blur,
 * sliding maximum / minimum (grey-scale dilation and erosion with a square), closing, percentiles
 * and Otsu's threshold. Pure and O(pixels) per pass whatever the window size, so a 512-pixel
 * photo is filtered in milliseconds. Windows are clipped at the image border.
 */

export interface Plane {
  data: Float32Array;
  width: number;
  height: number;
}

/** One line: `scratch` has room for n + 1 values, reused across lines. */
type LineOp = (
  src: Float32Array,
  dst: Float32Array,
  n: number,
  radius: number,
  scratch: Float64Array,
) => void;

/** Runs `op` over every row, then every column. */
function separable(src: Plane, radius: number, op: LineOp): Float32Array {
  const { width: w, height: h } = src;
  const rows = new Float32Array(w * h);
  const lineIn = new Float32Array(Math.max(w, h));
  const lineOut = new Float32Array(Math.max(w, h));
  const scratch = new Float64Array(Math.max(w, h) + 1);
  for (let y = 0; y < h; y++) {
    lineIn.set(src.data.subarray(y * w, y * w + w));
    op(lineIn, lineOut, w, radius, scratch);
    rows.set(lineOut.subarray(0, w), y * w);
  }
  const out = new Float32Array(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) lineIn[y] = rows[y * w + x] ?? 0;
    op(lineIn, lineOut, h, radius, scratch);
    for (let y = 0; y < h; y++) out[y * w + x] = lineOut[y] ?? 0;
  }
  return out;
}

const boxLine: LineOp = (src, dst, n, r, prefix) => {
  // Prefix sums make each output the mean of [i - r, i + r] ∩ [0, n).
  let acc = 0;
  prefix[0] = 0;
  for (let i = 0; i < n; i++) {
    acc += src[i] ?? 0;
    prefix[i + 1] = acc;
  }
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - r);
    const b = Math.min(n, i + r + 1);
    dst[i] = ((prefix[b] ?? 0) - (prefix[a] ?? 0)) / (b - a);
  }
};

function extremeLine(isMax: boolean): LineOp {
  return (src, dst, n, r, q) => {
    // Monotonic deque of indices (in the scratch line): the front is the window's extreme.
    let head = 0;
    let tail = 0;
    let next = 0;
    const better = (a: number, b: number) => (isMax ? a >= b : a <= b);
    for (let i = 0; i < n; i++) {
      const hi = Math.min(n - 1, i + r);
      for (; next <= hi; next++) {
        const v = src[next] ?? 0;
        while (tail > head && better(v, src[q[tail - 1] ?? 0] ?? 0)) tail--;
        q[tail++] = next;
      }
      while ((q[head] ?? 0) < i - r) head++;
      dst[i] = src[q[head] ?? 0] ?? 0;
    }
  };
}

const maxLine = extremeLine(true);
const minLine = extremeLine(false);

/** Mean over a (2r+1)² square. */
export function boxBlur(src: Plane, radius: number): Float32Array {
  return radius < 1 ? src.data.slice() : separable(src, Math.round(radius), boxLine);
}

/** Maximum over a (2r+1)² square (grey dilation). */
export function maxFilter(src: Plane, radius: number): Float32Array {
  return radius < 1 ? src.data.slice() : separable(src, Math.round(radius), maxLine);
}

/** Minimum over a (2r+1)² square (grey erosion). */
export function minFilter(src: Plane, radius: number): Float32Array {
  return radius < 1 ? src.data.slice() : separable(src, Math.round(radius), minLine);
}

/**
 * Grey closing (dilation then erosion): removes every dark feature too narrow to hold the
 * square, and keeps smooth or wide variations (lighting gradients, shadow edges) exactly.
 */
export function closing(src: Plane, radius: number): Float32Array {
  const dilated = maxFilter(src, radius);
  return minFilter({ data: dilated, width: src.width, height: src.height }, radius);
}

/** The q-quantile (0…1) of values in [0, 1], from a 1024-bin histogram. */
export function quantile(values: ArrayLike<number>, q: number, mask?: ArrayLike<number>): number {
  const bins = 1024;
  const hist = new Uint32Array(bins);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && !mask[i]) continue;
    const v = Math.min(1, Math.max(0, values[i] ?? 0));
    hist[Math.min(bins - 1, Math.floor(v * bins))]!++;
    count++;
  }
  if (count === 0) return 0;
  const target = q * (count - 1);
  let seen = 0;
  for (let b = 0; b < bins; b++) {
    seen += hist[b] ?? 0;
    if (seen > target) return (b + 0.5) / bins;
  }
  return 1;
}

/**
 * Otsu's threshold of values in [0, 1] (256 bins): the level that maximises the between-class
 * variance of "below" and "above". Returns a level in (0, 1).
 */
export function otsuThreshold(values: ArrayLike<number>): number {
  const bins = 256;
  const hist = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    const v = Math.min(1, Math.max(0, values[i] ?? 0));
    hist[Math.min(bins - 1, Math.floor(v * bins))]! += 1;
  }
  let total = 0;
  let sumAll = 0;
  for (let b = 0; b < bins; b++) {
    total += hist[b] ?? 0;
    sumAll += b * (hist[b] ?? 0);
  }
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let bestBin = 0;
  for (let b = 0; b < bins - 1; b++) {
    wB += hist[b] ?? 0;
    sumB += b * (hist[b] ?? 0);
    const wF = total - wB;
    if (wB === 0 || wF === 0) continue;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      bestBin = b;
    }
  }
  return (bestBin + 1) / bins;
}
