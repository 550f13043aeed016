import { describe, expect, it } from 'vitest';
import {
  BRUSH_SIZES,
  brushProfile,
  brushScale,
  brushSizesFor,
  snapBrushSize,
  stamp,
  strokeSegment,
} from './brush';

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

describe('brush sizes for any image', () => {
  it('keeps the shipped range up to 28 pixels', () => {
    expect(brushSizesFor(28, 28)).toEqual(BRUSH_SIZES);
    expect(brushSizesFor(8, 20)).toEqual(BRUSH_SIZES);
    expect(brushScale(28, 28)).toBe(1);
  });

  it('scales the range with a larger image, on the slider’s steps', () => {
    const s = brushSizesFor(256, 256);
    expect(brushScale(256, 256)).toBeCloseTo(256 / 28, 6);
    expect(s.max).toBeGreaterThanOrEqual(40);
    expect(s.initial).toBeGreaterThan(18);
    expect(s.initial).toBeLessThan(s.max);
    for (const v of [s.max, s.initial]) expect(Number.isInteger((v - s.min) / s.step)).toBe(true);
    const mid = brushSizesFor(40, 32);
    expect(mid.step).toBe(0.5);
    expect(mid.max).toBe(7);
  });

  it('snaps and clamps a size to the range', () => {
    const s = brushSizesFor(256, 256);
    expect(snapBrushSize(2.5, BRUSH_SIZES)).toBe(2.5);
    expect(snapBrushSize(99, BRUSH_SIZES)).toBe(5);
    expect(snapBrushSize(0, s)).toBe(1);
    expect(snapBrushSize(22.2, s)).toBe(23);
    expect(snapBrushSize(Number.NaN, s)).toBe(s.initial);
  });

  it('paints a large brush on a large image without gaps', () => {
    const img = new Float32Array(256 * 256);
    const size = brushSizesFor(256, 256).initial;
    strokeSegment(img, 256, 256, { x: 20, y: 128 }, { x: 236, y: 128 }, size, 'brush');
    for (let c = 20; c <= 236; c++) expect(img[128 * 256 + c]).toBe(1);
    // Above and below the centre line, the stroke's edge is straight: the same at every column.
    const edgeRow = 128 - Math.floor(size / 2);
    const edge = img[edgeRow * 256 + 60]!;
    for (let c = 60; c <= 200; c++) expect(img[edgeRow * 256 + c]).toBeCloseTo(edge, 2);
  });
});

describe('stamp result', () => {
  it('says nothing changed when the same stamp is laid twice', () => {
    const img = new Float32Array(9 * 9);
    expect(stamp(img, 9, 9, { x: 4.3, y: 4.6 }, 2.5, 'brush')).toBe(true);
    expect(stamp(img, 9, 9, { x: 4.3, y: 4.6 }, 2.5, 'brush')).toBe(false);
  });
});
