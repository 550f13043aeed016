// Small labelled sets from the gallery (public/samples, or the sample set an own model brought)
// for the population analyses: the first n images of each class, in gallery order, so a run is
// reproducible from its settings alone. Images are the model's inputs, H×W×C (NHWC).
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
  const n = set.width * set.height * set.channels;
  const images = new Float32Array(indices.length * n);
  indices.forEach((i, k) => images.set(sampleImage(set, i), k * n));
  return {
    images,
    labels: Int32Array.from(indices, (i) => set.labels[i]!),
    count: indices.length,
  };
}

/**
 * The attack sends one natural image of every class to the worker (AttackParams.naturals); past
 * this many bytes (1,000 classes of 128×128 pixels) that is refused rather than sent.
 */
export const MAX_NATURALS_BYTES = 64 * 1024 * 1024;

export type NaturalImages =
  { ok: true; images: Float32Array; indices: number[] } | { ok: false; reason: string };

/**
 * One natural image per class: the first gallery sample of each, skipping `exclude` (the image
 * being attacked, which must not stand in for its own class); or why there cannot be one.
 */
export function naturalImages(
  set: SampleSet,
  exclude: number | null = null,
  classNames: readonly string[] = set.classNames,
): NaturalImages {
  const classes = set.classNames.length;
  const bytes = classes * set.width * set.height * set.channels * 4;
  if (bytes > MAX_NATURALS_BYTES) {
    return {
      ok: false,
      reason: `The attack needs a natural image of each of the ${classes} classes, ${Math.ceil(bytes / 2 ** 20)} MiB of images: more than this page sends at once.`,
    };
  }
  const labels = Array.from(set.labels, (y, i) => (i === exclude ? -1 : y));
  const indices = firstPerClass(labels, classes, 1);
  if (indices.length !== classes) {
    const found = new Set(indices.map((i) => set.labels[i]));
    const missing = Array.from({ length: classes }, (_, c) => c).filter((c) => !found.has(c));
    const named = missing.slice(0, 3).map((c) => `“${classNames[c] ?? c}”`);
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    return {
      ok: false,
      reason: `The attack compares with a natural image of the target class, but the sample set has ${missing.length === 1 ? 'no image of class' : 'no image of the classes'} ${named.join(', ')}${more}${exclude !== null ? ' (other than the image attacked)' : ''}.`,
    };
  }
  return { ok: true, images: labelledImages(set, indices).images, indices };
}
