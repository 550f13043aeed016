/** The shipped sample sets (public/samples) match their format and the test sets they cite. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_IDS, loadDataset, PIXELS_PER_IMAGE } from './data/index';
import { SAMPLES_DIR } from './lib/paths';
import { firstPerClass, SAMPLES_PER_CLASS, type SampleSetMeta } from './lib/samples';

describe('firstPerClass', () => {
  it('takes the first n of each class, ordered by class then index', () => {
    const labels = Uint8Array.from([
      1, 0, 1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(firstPerClass(labels, 2)).toEqual([
      1, 3, 0, 2, 4, 14, 5, 15, 6, 16, 7, 17, 8, 18, 9, 19, 10, 20, 11, 21,
    ]);
  });

  it('throws when a class has too few images', () => {
    expect(() => firstPerClass(Uint8Array.from([0, 1, 2]), 1)).toThrow(/Class 3/);
  });
});

describe.each(DATASET_IDS)('public/samples/%s', (id) => {
  const pixels = readFileSync(join(SAMPLES_DIR, `${id}.bin`));
  const meta = JSON.parse(readFileSync(join(SAMPLES_DIR, `${id}.json`), 'utf8')) as SampleSetMeta;

  it('has a .bin of count × 784 bytes and consistent metadata', () => {
    expect(meta.dataset).toBe(id);
    expect(meta.count).toBe(10 * SAMPLES_PER_CLASS);
    expect(meta.perClass).toBe(SAMPLES_PER_CLASS);
    expect([meta.height, meta.width]).toEqual([28, 28]);
    expect(meta.classNames).toHaveLength(10);
    expect(meta.labels).toHaveLength(meta.count);
    expect(meta.testIndex).toHaveLength(meta.count);
    expect(pixels.length).toBe(meta.count * PIXELS_PER_IMAGE);
  });

  it('is balanced and ordered by class, then by test index', () => {
    const perClass = new Array<number>(10).fill(0);
    meta.labels.forEach((label) => perClass[label]!++);
    expect(perClass).toEqual(new Array<number>(10).fill(SAMPLES_PER_CLASS));
    meta.labels.forEach((label, k) => expect(label).toBe(Math.floor(k / SAMPLES_PER_CLASS)));
    meta.testIndex.forEach((index, k) => {
      if (k % SAMPLES_PER_CLASS !== 0) expect(index).toBeGreaterThan(meta.testIndex[k - 1]!);
    });
  });

  it('holds exactly the cited test images and labels', { timeout: 30_000 }, () => {
    const test = loadDataset(id, 'test');
    expect(meta.classNames).toEqual(test.classNames);
    expect(firstPerClass(test.labels, SAMPLES_PER_CLASS)).toEqual(meta.testIndex);
    meta.testIndex.forEach((index, k) => {
      expect(test.labels[index]).toBe(meta.labels[k]);
      const expected = test.images.subarray(
        index * PIXELS_PER_IMAGE,
        (index + 1) * PIXELS_PER_IMAGE,
      );
      const actual = pixels.subarray(k * PIXELS_PER_IMAGE, (k + 1) * PIXELS_PER_IMAGE);
      expect(Buffer.compare(actual, expected)).toBe(0);
    });
  });
});
