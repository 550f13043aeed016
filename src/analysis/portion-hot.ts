// Finding 3 (docs/analyses.md): pathway-based ("portion-hot") representations separate the
// categories. The codes are the engine's (portionHotCode, src/pathways/top-maps.ts, definition 8);
// the measures here are nearest-class-centroid accuracy on held-out images (centroids from a
// training split) and a 2-D PCA projection for the scatter plot.
import { fitPca, projectPca, type PcaResult } from './pca';

export interface NearestCentroidResult {
  accuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Per-class accuracy (NaN for classes without test images). */
  perClass: number[];
  trainSize: number;
  testSize: number;
  /** 1 / number of classes with a centroid. */
  chance: number;
}

/** Class means of the training codes; classes without training codes get no centroid (null). */
function classCentroids(
  codes: ArrayLike<number>[],
  labels: ArrayLike<number>,
  classCount: number,
): Array<Float64Array | null> {
  const d = codes[0]?.length ?? 0;
  const sums = Array.from({ length: classCount }, () => new Float64Array(d));
  const n = new Array<number>(classCount).fill(0);
  codes.forEach((c, i) => {
    const y = labels[i]!;
    for (let j = 0; j < d; j++) sums[y]![j] = sums[y]![j]! + c[j]!;
    n[y] = n[y]! + 1;
  });
  return sums.map((s, y) => (n[y]! > 0 ? s.map((v) => v / n[y]!) : null));
}

/** Index of the nearest centroid (squared Euclidean distance; ties: lower class). */
function nearestCentroid(code: ArrayLike<number>, centroids: Array<Float64Array | null>): number {
  let best = -1;
  let bestD = Infinity;
  centroids.forEach((c, y) => {
    if (!c) return;
    let d = 0;
    for (let j = 0; j < c.length; j++) d += (code[j]! - c[j]!) ** 2;
    if (d < bestD) {
      bestD = d;
      best = y;
    }
  });
  return best;
}

export function nearestCentroidAccuracy(
  train: { codes: ArrayLike<number>[]; labels: ArrayLike<number> },
  test: { codes: ArrayLike<number>[]; labels: ArrayLike<number> },
  classCount: number,
): NearestCentroidResult {
  const centroids = classCentroids(train.codes, train.labels, classCount);
  const confusion = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  let correct = 0;
  test.codes.forEach((c, i) => {
    const y = test.labels[i]!;
    const p = nearestCentroid(c, centroids);
    if (p === y) correct++;
    if (p >= 0) confusion[y]![p] = confusion[y]![p]! + 1;
  });
  const perClass = confusion.map((row, y) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n > 0 ? row[y]! / n : NaN;
  });
  const present = centroids.filter((c) => c !== null).length;
  return {
    accuracy: test.codes.length > 0 ? correct / test.codes.length : NaN,
    confusion,
    perClass,
    trainSize: train.codes.length,
    testSize: test.codes.length,
    chance: present > 0 ? 1 / present : NaN,
  };
}

export interface Projection {
  pca: PcaResult;
  /** points[i] = [x, y] of test code i. */
  points: number[][];
  labels: number[];
}

/** PCA fitted on the training codes, test codes projected onto the first two components. */
export function projectCodes(
  train: ArrayLike<number>[],
  test: { codes: ArrayLike<number>[]; labels: ArrayLike<number> },
  seed = 1,
): Projection {
  const pca = fitPca(train, { components: 2, seed });
  return { pca, points: projectPca(pca, test.codes), labels: Array.from(test.labels) };
}
