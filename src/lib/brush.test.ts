import { describe, expect, it } from 'vitest';
import { brushProfile, stamp, strokeSegment } from './brush';

describe('brushProfile', () => {
  it('is solid in the core, soft at the edge and 0 beyond', () => {
    expect(brushProfile(0, 2.5)).toBe(1);
    const edge = brushProfile(1.9, 2.5);
    expect(edge).toBeGreaterThan(0);
    expect(edge).toBeLessThan(1);
    expect(brushProfile(2.3, 2.5)).toBe(0);
  });

  it('falls off monotonically', () => {
    for (let d = 0; d < 4; d += 0.1)
      expect(brushProfile(d + 0.1, 3)).toBeLessThanOrEqual(brushProfile(d, 3));
  });
});

describe('stamp and stroke', () => {
  it('inks a round, symmetric spot and clips at the border', () => {
    const img = new Float32Array(9 * 9);
    expect(stamp(img, 9, 9, { x: 4.5, y: 4.5 }, 3, 'brush')).toBe(true);
    expect(img[4 * 9 + 4]).toBe(1);
    expect(img[4 * 9 + 2]).toBeCloseTo(img[4 * 9 + 6]!, 6);
    expect(img[2 * 9 + 4]).toBeCloseTo(img[4 * 9 + 2]!, 6);
    expect(img[0]).toBe(0);
    stamp(img, 9, 9, { x: 0, y: 0 }, 3, 'brush');
    expect(img.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('takes the maximum when strokes overlap, and the eraser removes ink', () => {
    const img = new Float32Array(9 * 9);
    stamp(img, 9, 9, { x: 4.5, y: 4.5 }, 3, 'brush');
    const before = Float32Array.from(img);
    stamp(img, 9, 9, { x: 4.5, y: 4.5 }, 3, 'brush');
    expect([...img]).toEqual([...before]);
    stamp(img, 9, 9, { x: 4.5, y: 4.5 }, 5, 'eraser');
    expect(img[4 * 9 + 4]).toBe(0);
  });

  it('leaves no gaps along a fast stroke', () => {
    const img = new Float32Array(28 * 28);
    strokeSegment(img, 28, 28, { x: 2.5, y: 14.5 }, { x: 25.5, y: 14.5 }, 2, 'brush');
    for (let c = 3; c <= 25; c++) expect(img[14 * 28 + c]).toBe(1);
  });
});
