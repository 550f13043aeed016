// Histograms on shared bins, so that several groups can be drawn on one axis.

export interface Histogram {
  /** Bin edges, length bins + 1; the last bin includes its right edge. */
  edges: number[];
  /** counts[g][b]: values of group g in bin b. */
  counts: number[][];
}

/** Equal-width bins spanning all groups' values (one bin of width 1 when all values are equal). */
export function histogram(groups: ArrayLike<number>[], bins = 20): Histogram {
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error('histogram: bins must be a positive integer.');
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      const v = g[i]!;
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = groups.map((g) => {
    const c = new Array<number>(bins).fill(0);
    for (let i = 0; i < g.length; i++) {
      const v = g[i]!;
      if (!Number.isFinite(v)) continue;
      const b = Math.min(bins - 1, Math.floor((v - lo) / width));
      c[b] = c[b]! + 1;
    }
    return c;
  });
  return { edges, counts };
}
