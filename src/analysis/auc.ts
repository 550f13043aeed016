// Separability of two samples: the area under the ROC curve, computed as the Mann–Whitney U
// statistic (ties count one half). AUC = P(b > a) + ½ P(b = a): 1 when every b exceeds every a,
// 0.5 for identical samples, 0 when every a exceeds every b.

export function auc(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return NaN;
  // Rank the pooled sample once (O(n log n)) instead of comparing all pairs.
  const pooled: Array<{ v: number; fromB: boolean }> = [];
  for (let i = 0; i < na; i++) pooled.push({ v: a[i]!, fromB: false });
  for (let i = 0; i < nb; i++) pooled.push({ v: b[i]!, fromB: true });
  pooled.sort((x, y) => x.v - y.v);
  let rankSumB = 0;
  for (let i = 0; i < pooled.length;) {
    let j = i;
    while (j < pooled.length && pooled[j]!.v === pooled[i]!.v) j++;
    const midRank = (i + 1 + j) / 2; // ranks are 1-based; ties share their mean rank
    for (let k = i; k < j; k++) if (pooled[k]!.fromB) rankSumB += midRank;
    i = j;
  }
  const u = rankSumB - (nb * (nb + 1)) / 2;
  return u / (na * nb);
}

/** max(AUC, 1 − AUC): how separable two samples are regardless of which one is larger. */
export function separability(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const value = auc(a, b);
  return Math.max(value, 1 - value);
}
