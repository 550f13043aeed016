/**
 * The pixel a first view selects by itself, so the Sankey has something to show before anyone
 * clicks: a dark pixel in a thick part of the stroke (its value times its 3×3 ink sum) near the ink's centre
 * of mass (weighted by a Gaussian of σ = a quarter of the image), so it is typical of the digit
 * rather than a stray end. It needs only the image, not the model, so the first paint, the shipped
 * precomputed example (scripts/precompute-default.ts) and a later live view all agree. Ties go to
 * the lower index.
 */
export function defaultPixel(
  image: ArrayLike<number>,
  width: number,
  height: number,
): number | null {
  let mass = 0;
  let sr = 0;
  let sc = 0;
  for (let p = 0; p < width * height; p++) {
    const v = image[p] ?? 0;
    mass += v;
    sr += v * Math.floor(p / width);
    sc += v * (p % width);
  }
  if (!(mass > 0)) return null;
  const cr = sr / mass;
  const cc = sc / mass;
  const twoSigma2 = 2 * (Math.max(width, height) / 4) ** 2;
  let best: number | null = null;
  let bestScore = -1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const value = image[r * width + c] ?? 0;
      if (!(value > 0)) continue;
      let ink = 0;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc2 = c + dc;
          if (rr >= 0 && rr < height && cc2 >= 0 && cc2 < width)
            ink += image[rr * width + cc2] ?? 0;
        }
      }
      const score = value * ink * Math.exp(-((r - cr) ** 2 + (c - cc) ** 2) / twoSigma2);
      // A tolerance, so float noise never decides between equally good spots.
      if (score > bestScore + 1e-9) {
        best = r * width + c;
        bestScore = score;
      }
    }
  }
  return best;
}
