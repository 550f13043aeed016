import { describe, expect, it } from 'vitest';
import { gridDisplay } from './grid-display';

describe('gridDisplay', () => {
  it('keeps the shipped 28×28 sizes', () => {
    expect(gridDisplay(28, 28, 224)).toEqual({
      cell: 8,
      width: 224,
      height: 224,
      gridLines: true,
      smooth: false,
    });
    expect(gridDisplay(28, 28, 336).cell).toBe(12);
    expect(gridDisplay(28, 28, 168).cell).toBe(6);
  });

  it('gives every grid that fits twice whole-pixel cells, never larger than asked', () => {
    for (let side = 8; side <= 112; side++) {
      const d = gridDisplay(side, side, 224);
      expect(Number.isInteger(d.cell)).toBe(true);
      expect(d.cell).toBeGreaterThanOrEqual(2);
      expect(d.width).toBe(side * d.cell);
      expect(d.width).toBeLessThanOrEqual(224);
      // At least two thirds of the slot (the worst is 75 px at 2 px a cell).
      expect(d.width).toBeGreaterThanOrEqual(150);
      expect(d.smooth).toBe(false);
    }
    expect(gridDisplay(8, 8, 224).cell).toBe(28);
    expect(gridDisplay(20, 20, 224).cell).toBe(11);
  });

  it('scales a grid between once and twice its slot up to the slot, smoothly', () => {
    for (let side = 113; side <= 224; side++) {
      const d = gridDisplay(side, side, 224);
      expect(d.width).toBeCloseTo(224, 9);
      expect(d.cell).toBeGreaterThanOrEqual(1);
      expect(d.cell).toBeLessThan(2);
      expect(d.gridLines).toBe(false);
      // Exactly one pixel a cell needs no smoothing.
      expect(d.smooth).toBe(side !== 224);
    }
    // A 150 px input used to fill 150 of 224 px.
    expect(gridDisplay(150, 150, 224)).toMatchObject({ width: 224, smooth: true });
  });

  it('shrinks a grid larger than the asked size to it, smoothly', () => {
    expect(gridDisplay(256, 256, 224)).toEqual({
      cell: 224 / 256,
      width: 224,
      height: 224,
      gridLines: false,
      smooth: true,
    });
  });

  it('sizes a grid that is not square by its longer side', () => {
    expect(gridDisplay(32, 16, 224)).toMatchObject({ cell: 7, width: 224, height: 112 });
  });
});
