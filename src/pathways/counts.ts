// Definition 7 (docs/method.md): pathway counts. Pixel p has a pathway on map (l, k) when its size
// s_l^p[k] > τ_l; N_l[k] counts such pixels and N_total = Σ_l Σ_k N_l[k]. The one implementation:
// imageStatistics counts with it, and the analyses recount with it (another threshold or a pixel
// subset) from the same per-pixel sizes without rerunning the engine.
import type { ImageStatistics, Measure } from './types';

export interface CountOptions {
  /** Measure of the sizes compared with τ (default: the statistics' own measure). */
  measure?: Measure;
  /** Absolute threshold τ (default 0). */
  threshold?: number;
  /**
   * Relative threshold: τ_l = relative × (largest size on layer l over the counted pixels and
   * maps), replacing `threshold`.
   */
  relative?: number;
  /** Count only these pixels (flat positions; ones not analysed are ignored). Default: all. */
  pixels?: ArrayLike<number>;
}

export interface PathwayCounts {
  /** thresholds[l] = τ_l applied on layer l (in the measure's units). */
  thresholds: number[];
  /** counts[l][k] = N_l[k]. */
  counts: Int32Array[];
  /** layerTotals[l] = Σ_k N_l[k]. */
  layerTotals: number[];
  /** N_total = Σ_l Σ_k N_l[k]. */
  total: number;
}

/** Rows of the statistics' per-pixel arrays to count: all, or those of `pixels`. */
function countedRows(analysed: Int32Array, pixels: ArrayLike<number> | undefined): number[] {
  if (!pixels) return Array.from(analysed, (_, i) => i);
  const position = new Map<number, number>();
  analysed.forEach((p, i) => position.set(p, i));
  const rows: number[] = [];
  for (let j = 0; j < pixels.length; j++) {
    const i = position.get(pixels[j]!);
    if (i !== undefined) rows.push(i);
  }
  return rows;
}

/** N_l[k], τ_l and N_total of per-pixel sizes (`stats.sizes[l][measure][i * C_l + k]`). */
export function countPathways(
  stats: Pick<ImageStatistics, 'sizes' | 'layers' | 'pixels' | 'measure'>,
  options: CountOptions = {},
): PathwayCounts {
  const measure = options.measure ?? stats.measure;
  const rows = countedRows(stats.pixels, options.pixels);
  const thresholds: number[] = [];
  const counts: Int32Array[] = [];
  const layerTotals: number[] = [];
  stats.sizes.forEach((s, l) => {
    const values = s[measure];
    const C = stats.layers[l]!.channels;
    let tau = options.threshold ?? 0;
    if (options.relative !== undefined) {
      let max = -Infinity;
      for (const i of rows) for (let k = 0; k < C; k++) max = Math.max(max, values[i * C + k]!);
      tau = rows.length > 0 ? options.relative * max : 0;
    }
    const count = new Int32Array(C);
    let n = 0;
    for (const i of rows) {
      for (let k = 0; k < C; k++) {
        if (values[i * C + k]! > tau) {
          count[k]! += 1;
          n++;
        }
      }
    }
    thresholds.push(tau);
    counts.push(count);
    layerTotals.push(n);
  });
  return { thresholds, counts, layerTotals, total: layerTotals.reduce((a, b) => a + b, 0) };
}
