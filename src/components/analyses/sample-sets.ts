// Small labelled sets from the gallery (public/samples) for the population analyses: the first n
// images of each class, in gallery order, so a run is reproducible from its settings alone.
import { sampleImage, type SampleSet } from '../../model/samples';
import type { LabelledImages } from '../../worker/analysis-protocol';

/** Gallery indices of the first `perClass` samples of every class, class by class. */
export function firstPerClass(
  labels: ArrayLike<number>,
  classes: number,
  perClass: number,
): number[] {
  const picked: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const bucket = picked[labels[i]!];
    if (bucket && bucket.length < perClass) bucket.push(i);
  }
  return picked.flat();
}

export function labelledImages(set: SampleSet, indices: readonly number[]): LabelledImages {
  const n = set.width * set.height;
  const images = new Float32Array(indices.length * n);
  indices.forEach((i, k) => images.set(sampleImage(set, i), k * n));
  return {
    images,
    labels: Int32Array.from(indices, (i) => set.labels[i]!),
    count: indices.length,
  };
}

/**
 * One natural image per class: the first gallery sample of each, skipping `exclude` (the image
 * being attacked, which must not stand in for its own class); null if a class has none.
 */
export function naturalImages(
  set: SampleSet,
  exclude: number | null = null,
): { images: Float32Array; indices: number[] } | null {
  const classes = set.classNames.length;
  const labels = Array.from(set.labels, (y, i) => (i === exclude ? -1 : y));
  const indices = firstPerClass(labels, classes, 1);
  if (indices.length !== classes) return null;
  return { images: labelledImages(set, indices).images, indices };
}
