import { describe, expect, it } from 'vitest';
import {
  boundingRegion,
  describeRegion,
  formatRegion,
  moveCursor,
  parseRegion,
  regionFromCorners,
  regionPixels,
  selectionContribution,
  summarizeSelection,
} from './selection';

describe('regions', () => {
  it('spans corners in any order and lists pixels row-major', () => {
    const r = regionFromCorners({ row: 3, col: 5 }, { row: 2, col: 4 });
    expect(r).toEqual({ row0: 2, col0: 4, row1: 3, col1: 5 });
    expect(regionPixels(r, 28)).toEqual([60, 61, 88, 89]);
  });

  it('recognises a full rectangle and a scattered set', () => {
    expect(boundingRegion([60, 61, 88, 89], 28)?.isRectangle).toBe(true);
    expect(boundingRegion([60, 89], 28)?.isRectangle).toBe(false);
    expect(boundingRegion([], 28)).toBeNull();
  });
});

describe('keyboard cursor', () => {
  const one = { anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } };

  it('arrows move a single pixel and stop at the edge', () => {
    expect(moveCursor(one, 'ArrowRight', false, 28, 28).focus).toEqual({ row: 0, col: 1 });
    expect(moveCursor(one, 'ArrowUp', false, 28, 28)).toEqual(one);
  });

  it('shift+arrows grow the region from the anchor', () => {
    let c = moveCursor(one, 'ArrowDown', true, 28, 28);
    c = moveCursor(c, 'ArrowRight', true, 28, 28);
    expect(regionFromCorners(c.anchor, c.focus)).toEqual({ row0: 0, col0: 0, row1: 1, col1: 1 });
  });

  it('plain arrows move a region without squashing it at the border', () => {
    const c = { anchor: { row: 0, col: 25 }, focus: { row: 1, col: 27 } };
    const moved = moveCursor(c, 'ArrowRight', false, 28, 28);
    expect(moved).toEqual(c);
    const down = moveCursor(c, 'ArrowDown', false, 28, 28, 4);
    expect(regionFromCorners(down.anchor, down.focus)).toEqual({
      row0: 4,
      col0: 25,
      row1: 5,
      col1: 27,
    });
  });
});

describe('link form', () => {
  it('round-trips pixels and rectangles', () => {
    for (const r of [
      { row0: 5, col0: 7, row1: 5, col1: 7 },
      { row0: 0, col0: 0, row1: 27, col1: 27 },
    ]) {
      expect(parseRegion(formatRegion(r), 28, 28)).toEqual(r);
    }
    expect(formatRegion({ row0: 5, col0: 7, row1: 5, col1: 7 })).toBe('5,7');
  });

  it('rejects malformed, reversed and out-of-range input', () => {
    for (const bad of [
      '',
      '5',
      '5,',
      '5,7,8',
      '-1,2',
      '28,0',
      '0,28',
      '3,3,2,4',
      '1e1,2',
      '5,7 ',
      '0x1,2',
      '1,2,3,4,5',
      '9'.repeat(40),
    ]) {
      expect(parseRegion(bad, 28, 28)).toBeNull();
    }
  });

  it('names selections plainly', () => {
    expect(describeRegion({ row0: 12, col0: 7, row1: 12, col1: 7 })).toBe('pixel (row 12, col 7)');
    expect(describeRegion({ row0: 1, col0: 2, row1: 3, col1: 2 })).toMatch(/^3×1 region/);
  });
});

describe('summarizeSelection', () => {
  it('counts zero pixels, which carry no pathway', () => {
    const img = new Float32Array(28 * 28);
    img[60] = 0.5;
    img[61] = 0.25;
    const s = summarizeSelection(img, 28, [60, 61, 88, 89]);
    expect(s).toEqual({
      label: expect.stringMatching(/^2×2 region/),
      count: 4,
      zeros: 2,
      total: 0.75,
    });
    expect(summarizeSelection(img, 28, [])).toBeNull();
    expect(summarizeSelection(img, 28, [60, 89])?.label).toBe('2 pixels');
  });
});

describe('selectionContribution', () => {
  it('sums each class’s relevance over the selected pixels', () => {
    const rel = [new Float32Array([1, 2, 3]), new Float32Array([-1, 0.5, 0])];
    expect([...selectionContribution(rel, [0, 2])]).toEqual([4, -1]);
    expect([...selectionContribution(rel, [])]).toEqual([0, 0]);
  });
});
