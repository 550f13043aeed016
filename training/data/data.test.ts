/** Dataset loaders: IDX parsing, official MNIST order, and the fixed Fashion-MNIST split. */
import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';
import { loadDataset, PIXELS_PER_IMAGE } from './index';

describe('parseIdx', () => {
  it('reads the dims and returns the data without copying', () => {
    const bytes = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]);
    const parsed = parseIdx(bytes);
    expect(parsed.dims).toEqual([2, 3]);
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parsed.data.buffer).toBe(bytes.buffer);
  });

  it('rejects bad magic, non-byte types and truncated files', () => {
    expect(() => parseIdx(Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 0]))).toThrow(/magic/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 13, 1, 0, 0, 0, 0]))).toThrow(/uint8/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 7]))).toThrow(/size mismatch/);
  });
});

describe('loadDataset', () => {
  it('reads MNIST in the official order', () => {
    const train = loadDataset('mnist', 'train');
    const test = loadDataset('mnist', 'test');
    expect([train.count, test.count]).toEqual([60_000, 10_000]);
    expect(train.images.length).toBe(60_000 * PIXELS_PER_IMAGE);
    // Well-known first labels of the official files.
    expect([...train.labels.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...test.labels.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(test.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('splits Fashion-MNIST 6,000 / 1,000 per class, class-major', { timeout: 30_000 }, () => {
    const train = loadDataset('fashion', 'train');
    const test = loadDataset('fashion', 'test');
    expect([train.count, test.count]).toEqual([60_000, 10_000]);
    expect(test.images.length).toBe(10_000 * PIXELS_PER_IMAGE);
    for (let c = 0; c < 10; c++) {
      expect(train.labels.subarray(c * 6000, (c + 1) * 6000).every((l) => l === c)).toBe(true);
      expect(test.labels.subarray(c * 1000, (c + 1) * 1000).every((l) => l === c)).toBe(true);
    }
    expect(test.classNames[0]).toBe('T-shirt/top');
    expect(test.classNames[9]).toBe('Ankle boot');
    // No image is all background: the empty entries of the class-0 file were skipped.
    for (let i = 0; i < test.count; i += 97) {
      const image = test.images.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE);
      expect(image.some((v) => v > 0)).toBe(true);
    }
  });
});
