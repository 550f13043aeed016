// Small numeric helpers shared by the analyses (plain arrays, float64 accumulation).

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/** Sample standard deviation (n − 1); NaN for fewer than two values. */
function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Standard error of the mean; NaN for fewer than two values. */
export function standardError(values: ArrayLike<number>): number {
  return standardDeviation(values) / Math.sqrt(values.length);
}

export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Pearson correlation of two equally long vectors. NaN when either is constant: a correlation is
 * undefined there, and callers must skip such pairs rather than count them as 0.
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error('correlation: vectors differ in length.');
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
}

/**
 * The vector centred and scaled to unit norm, so that the dot product of two such vectors is
 * their Pearson correlation (many pairs at the cost of one pass each). Null when constant.
 */
export function standardise(v: ArrayLike<number>): Float64Array | null {
  const m = mean(v);
  const out = new Float64Array(v.length);
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    out[i] = v[i]! - m;
    norm += out[i]! * out[i]!;
  }
  if (!(norm > 0)) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! * scale;
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Σ|a − b| / Σ|a|: relative L1 difference of b from the reference a (0 when both are zero). */
export function relativeL1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += Math.abs(a[i]! - b[i]!);
    den += Math.abs(a[i]!);
  }
  if (den === 0) return num === 0 ? 0 : Infinity;
  return num / den;
}

/** Indices of values sorted by decreasing value (ties: lower index first). */
export function rankDescending(values: ArrayLike<number>, tieBreak?: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((i, j) => {
    const d = values[j]! - values[i]!;
    if (d !== 0) return d;
    if (tieBreak) {
      const t = tieBreak[j]! - tieBreak[i]!;
      if (t !== 0) return t;
    }
    return i - j;
  });
}
