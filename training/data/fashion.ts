/**
 * Fashion-MNIST from the `fashion-mnist` package: one JSON file per class (<class>.json, class
 * index = Fashion-MNIST label), each {"data": [[784 values 0-255], ...]} with 7,000 images and
 * no train/test split. This project's FIXED split, per class:
 *   images 0..5,999     -> train (60,000 in all)
 *   images 6,000..6,999 -> test  (10,000 in all)
 * The class-0 file also holds two empty arrays (entries 1,000 and 7,001); they are skipped, and
 * "image k" above counts only the 7,000 real 784-pixel images, in file order.
 * Both splits are class-major: all class-0 images (in file order), then class 1, ... so test
 * index t is image 6,000 + (t mod 1,000) of class floor(t / 1,000).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fashionClothesDir } from './package-paths';
import {
  CLASS_COUNT,
  FASHION_CLASS_NAMES,
  PIXELS_PER_IMAGE,
  type Dataset,
  type Split,
} from './types';

export const FASHION_IMAGES_PER_CLASS = 7000;
export const FASHION_TRAIN_PER_CLASS = 6000;
export const FASHION_TEST_PER_CLASS = FASHION_IMAGES_PER_CLASS - FASHION_TRAIN_PER_CLASS;

interface ClassFile {
  data: number[][];
}

/** Parsing the 150 MB of JSON takes seconds, so the per-class bytes are kept once parsed. */
const classCache = new Map<number, Uint8Array>();

function loadClassImages(classIndex: number): Uint8Array {
  const cached = classCache.get(classIndex);
  if (cached) return cached;
  const path = join(fashionClothesDir(), `${classIndex}.json`);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as ClassFile;
  // Empty entries are packaging debris (see above); anything else malformed is an error.
  const real = parsed.data.filter((pixels) => pixels.length > 0);
  if (real.length !== FASHION_IMAGES_PER_CLASS) {
    throw new Error(`${path}: expected ${FASHION_IMAGES_PER_CLASS} images, got ${real.length}.`);
  }
  const bytes = new Uint8Array(FASHION_IMAGES_PER_CLASS * PIXELS_PER_IMAGE);
  real.forEach((pixels, i) => {
    if (pixels.length !== PIXELS_PER_IMAGE) {
      throw new Error(
        `${path}: image ${i} has ${pixels.length} pixels, expected ${PIXELS_PER_IMAGE}.`,
      );
    }
    bytes.set(pixels, i * PIXELS_PER_IMAGE);
  });
  classCache.set(classIndex, bytes);
  return bytes;
}

export function loadFashion(split: Split): Dataset {
  const [first, perClass] =
    split === 'train'
      ? [0, FASHION_TRAIN_PER_CLASS]
      : [FASHION_TRAIN_PER_CLASS, FASHION_TEST_PER_CLASS];
  const count = perClass * CLASS_COUNT;
  const images = new Uint8Array(count * PIXELS_PER_IMAGE);
  const labels = new Uint8Array(count);
  for (let c = 0; c < CLASS_COUNT; c++) {
    const classImages = loadClassImages(c);
    images.set(
      classImages.subarray(first * PIXELS_PER_IMAGE, (first + perClass) * PIXELS_PER_IMAGE),
      c * perClass * PIXELS_PER_IMAGE,
    );
    labels.fill(c, c * perClass, (c + 1) * perClass);
  }
  return { images, labels, count, classNames: [...FASHION_CLASS_NAMES] };
}
