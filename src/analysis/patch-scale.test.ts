import { describe, expect, it } from 'vitest';
import { patchSizes, resizePatch } from './patch-scale';

describe('patchSizes', () => {
  it('keeps MNIST’s sizes for 28×28 images', () => {
    expect(patchSizes(28, 28)).toEqual({ min: 2, max: 14, initial: 8, step: 1 });
  });

  it('scales with the shorter side, so the patch hides the same share of any image', () => {
    const big = patchSizes(128, 128);
    expect(big.initial / 128).toBeCloseTo(8 / 28, 1);
    expect(big).toMatchObject({ max: 64, step: 5 });
    expect(patchSizes(32, 256).initial).toBe(patchSizes(32, 32).initial);
    expect(patchSizes(256, 256).max).toBe(128);
  });

  it('leaves a small image a patch smaller than the image', () => {
    const tiny = patchSizes(8, 8);
    expect(tiny.min).toBeGreaterThanOrEqual(1);
    expect(tiny.max).toBeLessThan(8);
    expect(tiny.initial).toBeGreaterThanOrEqual(tiny.min);
    expect(tiny.initial).toBeLessThanOrEqual(tiny.max);
  });
});

describe('resizePatch', () => {
  it('grows and shrinks around the centre like the MNIST keys did', () => {
    const sizes = patchSizes(28, 28);
    const p = { row: 10, col: 10, size: 8 };
    expect(resizePatch(p, 1, sizes, 28, 28)).toEqual({ row: 10, col: 10, size: 9 });
    expect(resizePatch(p, -1, sizes, 28, 28)).toEqual({ row: 11, col: 11, size: 7 });
  });

  it('stays within the sizes and inside the image', () => {
    const sizes = patchSizes(128, 128);
    const atMax = { row: 100, col: 0, size: sizes.max };
    expect(resizePatch(atMax, 1, sizes, 128, 128)).toEqual({ row: 64, col: 0, size: sizes.max });
    const small = resizePatch({ row: 0, col: 0, size: sizes.min }, -1, sizes, 128, 128);
    expect(small.size).toBe(sizes.min);
    expect(resizePatch({ row: 60, col: 60, size: 37 }, 1, sizes, 128, 128).size).toBe(42);
  });
});
