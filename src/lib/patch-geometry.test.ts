import { describe, expect, it } from 'vitest';
import {
  cellAt,
  clampPatch,
  defaultPatch,
  formatPatch,
  parsePatch,
  parseShift,
  patchAfterKey,
  patchAround,
} from './patch-geometry';

describe('patch geometry', () => {
  it('keeps a patch inside the image', () => {
    expect(clampPatch({ row: 25, col: -3, size: 8 }, 28, 28)).toEqual({ row: 20, col: 0, size: 8 });
    expect(clampPatch({ row: 0, col: 0, size: 40 }, 28, 28)).toEqual({ row: 0, col: 0, size: 28 });
  });

  it('centres the default patch and patches around a cell', () => {
    expect(defaultPatch(28, 28)).toEqual({ row: 10, col: 10, size: 8 });
    expect(patchAround(14, 14, 6, 28, 28)).toEqual({ row: 11, col: 11, size: 6 });
    expect(patchAround(0, 27, 6, 28, 28)).toEqual({ row: 0, col: 22, size: 6 });
  });

  it('maps a pointer position to a grid cell, clamped', () => {
    expect(cellAt(0, 0, 224, 224, 28, 28)).toEqual({ row: 0, col: 0 });
    expect(cellAt(223.9, 8, 224, 224, 28, 28)).toEqual({ row: 1, col: 27 });
    expect(cellAt(300, -5, 224, 224, 28, 28)).toEqual({ row: 0, col: 27 });
  });

  it('moves with arrows (Shift: 4 cells) and resizes around the centre with + and −', () => {
    const p = { row: 10, col: 10, size: 8 };
    expect(patchAfterKey(p, 'ArrowRight', false, 28, 28)).toEqual({ row: 10, col: 11, size: 8 });
    expect(patchAfterKey(p, 'ArrowUp', true, 28, 28)).toEqual({ row: 6, col: 10, size: 8 });
    expect(patchAfterKey(p, 'ArrowDown', true, 28, 28)?.row).toBe(14);
    expect(patchAfterKey({ ...p, row: 20 }, 'ArrowDown', false, 28, 28)?.row).toBe(20);
    expect(patchAfterKey(p, '+', false, 28, 28)).toEqual({ row: 10, col: 10, size: 9 });
    expect(patchAfterKey(p, '-', false, 28, 28)).toEqual({ row: 11, col: 11, size: 7 });
    expect(patchAfterKey(p, 'a', false, 28, 28)).toBeNull();
  });
});

describe('link forms', () => {
  it('round-trips a patch and rejects junk', () => {
    expect(parsePatch(formatPatch({ row: 3, col: 4, size: 5 }))).toEqual({
      row: 3,
      col: 4,
      size: 5,
    });
    for (const bad of ['', '1,2', '1,2,0', '-1,2,3', '1,2,3,4', 'a,b,c', '1,2,3 ']) {
      expect(parsePatch(bad)).toBeUndefined();
    }
  });

  it('parses shifts within the limit', () => {
    expect(parseShift('4,0')).toEqual({ dx: 4, dy: 0 });
    expect(parseShift('-4,-0')).toEqual({ dx: -4, dy: 0 });
    expect(Object.is(parseShift('-0,0')?.dx, 0)).toBe(true);
    expect(parseShift('13,0')).toEqual({ dx: 13, dy: 0 }); // the image decides (shift-scale.ts)
    expect(parseShift('256,0')).toBeUndefined();
    expect(parseShift('1.5,0')).toBeUndefined();
  });
});
