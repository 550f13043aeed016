// Principal components by power iteration with deflation: small (dimension ≤ a few hundred),
// dependency-free, and deterministic thanks to a seeded start vector.
import { mulberry32 } from './prng';

export interface PcaResult {
  /** Per-dimension mean of the fitted rows. */
  mean: Float64Array;
  /** components[i]: unit vector of the i-th principal axis (sign: largest |entry| positive). */
  components: Float64Array[];
  /** Variance along each component (eigenvalues of the sample covariance, n − 1). */
  variances: number[];
  /** Share of the total variance along each component. */
  explained: number[];
}

export interface PcaOptions {
  components?: number;
  seed?: number;
  iterations?: number;
  tolerance?: number;
}

export function fitPca(rows: ArrayLike<number>[], options: PcaOptions = {}): PcaResult {
  const n = rows.length;
  if (n < 2) throw new Error('PCA needs at least two rows.');
  const d = rows[0]!.length;
  const k = Math.min(options.components ?? 2, d);
  const iterations = options.iterations ?? 500;
  const tolerance = options.tolerance ?? 1e-10;
  const random = mulberry32(options.seed ?? 1);
  const meanV = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) meanV[j] = meanV[j]! + r[j]! / n;
  // The covariance is small (d × d) and symmetric: form it once, iterate on it.
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (const r of rows) {
    for (let j = 0; j < d; j++) centred[j] = r[j]! - meanV[j]!;
    for (let a = 0; a < d; a++) {
      const ca = centred[a]!;
      if (ca === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] = cov[a * d + b]! + ca * centred[b]!;
    }
  }
  let totalVariance = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = cov[a * d + b]! / (n - 1);
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
    totalVariance += cov[a * d + a]!;
  }
  const components: Float64Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < k; c++) {
    let v: Float64Array = Float64Array.from({ length: d }, () => random() - 0.5);
    normalise(v);
    for (let it = 0; it < iterations; it++) {
      const w = multiply(cov, v, d);
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0));
      if (norm === 0) break;
      for (let j = 0; j < d; j++) w[j] = w[j]! / norm;
      let change = 0;
      for (let j = 0; j < d; j++) change = Math.max(change, Math.abs(w[j]! - v[j]!));
      v = w;
      if (change < tolerance) break;
    }
    orient(v);
    // Rayleigh quotient: the eigenvalue, also correct when the iteration stopped early.
    const lambda = dotF(v, multiply(cov, v, d));
    components.push(v);
    variances.push(Math.max(0, lambda));
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) cov[a * d + b] = cov[a * d + b]! - lambda * v[a]! * v[b]!;
    }
  }
  return {
    mean: meanV,
    components,
    variances,
    explained: variances.map((v) => (totalVariance > 0 ? v / totalVariance : 0)),
  };
}

/** Coordinates of each row on the fitted components: result[i] = [pc1, pc2, ...]. */
export function projectPca(pca: PcaResult, rows: ArrayLike<number>[]): number[][] {
  return rows.map((r) =>
    pca.components.map((c) => {
      let s = 0;
      for (let j = 0; j < c.length; j++) s += (r[j]! - pca.mean[j]!) * c[j]!;
      return s;
    }),
  );
}

function multiply(m: Float64Array, v: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    let s = 0;
    for (let b = 0; b < d; b++) s += m[a * d + b]! * v[b]!;
    out[a] = s;
  }
  return out;
}

function dotF(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normalise(v: Float64Array): void {
  const norm = Math.sqrt(dotF(v, v));
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j] = v[j]! / norm;
}

/** Eigenvectors have no sign; fix one so that results do not flip between runs or seeds. */
function orient(v: Float64Array): void {
  let arg = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(v[arg]!)) arg = j;
  if (v[arg]! < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
}
