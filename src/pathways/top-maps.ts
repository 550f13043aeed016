// Definition 8 (docs/method.md): portion-hot codes. Per pixel and layer the top-m maps by the
// chosen size measure are 1 (ties to the lower index); an image's portion-hot code is, per layer,
// the share of its analysed pixels whose top-m include each map, concatenated over the layers.
// The one implementation: imageStatistics and the analyses' image profiles both use it.

export const DEFAULT_TOP_M = 3;

/**
 * top[i * m + r] = the r-th largest of values[i * C .. i * C + C) for the P rows (ties: lower
 * index first); m ≤ C.
 */
export function topMaps(values: Float32Array, P: number, C: number, m: number): Int32Array {
  const out = new Int32Array(P * m);
  // m is small (default 3): selection by repeated scans keeps it allocation-free.
  for (let i = 0; i < P; i++) {
    const offset = i * C;
    const at = i * m;
    for (let r = 0; r < m; r++) {
      let best = -1;
      for (let k = 0; k < C; k++) {
        let taken = false;
        for (let q = 0; q < r; q++) if (out[at + q] === k) taken = true;
        if (taken) continue;
        if (best < 0 || values[offset + k]! > values[offset + best]!) best = k;
      }
      out[at + r] = best;
    }
  }
  return out;
}

/** share[k] = fraction of the P rows of `top` ([P × m]) that include map k (0 when P = 0). */
export function portionHotShares(top: Int32Array, P: number, C: number, m: number): Float32Array {
  const share = new Float32Array(C);
  for (let i = 0; i < P * m; i++) share[top[i]!]! += 1;
  if (P > 0) for (let k = 0; k < C; k++) share[k] = share[k]! / P;
  return share;
}

/**
 * The image-level portion-hot code: the shares of the chosen layers (default all, pools and
 * logits included), concatenated. Takes an ImageStatistics or anything else that carries the
 * per-layer shares (e.g. an analysis' image profile).
 */
export function portionHotCode(
  source: { portionHot: ArrayLike<number>[] },
  layers?: number[],
): Float32Array {
  const which = layers ?? source.portionHot.map((_, l) => l);
  const total = which.reduce((n, l) => n + source.portionHot[l]!.length, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const l of which) {
    out.set(source.portionHot[l]!, at);
    at += source.portionHot[l]!.length;
  }
  return out;
}
