/**
 * Sample sets for the app (public/samples/<id>.bin + <id>.json): the FIRST `perClass` test
 * images of each class, ordered by class, then by test index. The .bin holds the raw pixels,
 * count × 784 bytes (28×28 row-major, 0-255), in the same order as the JSON's labels.
 */
import type { Dataset, DatasetId } from '../data/types';
import { CLASS_COUNT, IMAGE_HEIGHT, IMAGE_WIDTH, PIXELS_PER_IMAGE } from '../data/types';

export const SAMPLES_PER_CLASS = 50;

export interface SampleSetMeta {
  dataset: DatasetId;
  count: number;
  height: 28;
  width: 28;
  classNames: string[];
  /** Class of each sample, aligned with the .bin images. */
  labels: number[];
  /** Index of each sample in the dataset's 10,000-image test set. */
  testIndex: number[];
  perClass: number;
}

/** Test-set indices of the first `perClass` images of each class, class-major. */
export function firstPerClass(labels: Uint8Array, perClass: number): number[] {
  const byClass: number[][] = Array.from({ length: CLASS_COUNT }, () => []);
  labels.forEach((label, index) => {
    const bucket = byClass[label];
    if (bucket && bucket.length < perClass) bucket.push(index);
  });
  byClass.forEach((bucket, c) => {
    if (bucket.length < perClass)
      throw new Error(`Class ${c} has only ${bucket.length} test images.`);
  });
  return byClass.flat();
}

export function buildSampleSet(
  id: DatasetId,
  test: Dataset,
  perClass: number = SAMPLES_PER_CLASS,
): { pixels: Uint8Array; meta: SampleSetMeta } {
  const testIndex = firstPerClass(test.labels, perClass);
  const pixels = new Uint8Array(testIndex.length * PIXELS_PER_IMAGE);
  testIndex.forEach((index, k) => {
    pixels.set(
      test.images.subarray(index * PIXELS_PER_IMAGE, (index + 1) * PIXELS_PER_IMAGE),
      k * PIXELS_PER_IMAGE,
    );
  });
  const meta: SampleSetMeta = {
    dataset: id,
    count: testIndex.length,
    height: IMAGE_HEIGHT,
    width: IMAGE_WIDTH,
    classNames: test.classNames,
    labels: testIndex.map((index) => test.labels[index]!),
    testIndex,
    perClass,
  };
  return { pixels, meta };
}
