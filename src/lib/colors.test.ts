import { describe, expect, it } from 'vitest';
import {
  MUTED_TEXT_HEX,
  PANEL_BG_HEX,
  TEXT_HEX,
  contrastRatio,
  divergingRgb,
  hexToRgb,
  maxAbs,
  normalizeSigned,
  robustExtent,
  textOn,
  type Rgb,
} from './colors';

/** sRGB → OKLab lightness, to check the scale's perceptual symmetry independently. */
function oklabL([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const l = Math.cbrt(0.4122214708 * R + 0.5363325363 * G + 0.0514459929 * B);
  const m = Math.cbrt(0.2119034982 * R + 0.6806995451 * G + 0.1073969566 * B);
  const s = Math.cbrt(0.0883024619 * R + 0.2817188376 * G + 0.6299787005 * B);
  return 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
}

const ts = Array.from({ length: 21 }, (_, i) => i / 20);

describe('diverging scale', () => {
  it('is a near-white neutral at 0 and for NaN', () => {
    const z = divergingRgb(0);
    expect(Math.min(...z)).toBeGreaterThan(240);
    expect(divergingRgb(Number.NaN)).toEqual(z);
  });

  it('is blue for positive and orange for negative values', () => {
    const [pr, , pb] = divergingRgb(0.8);
    const [nr, , nb] = divergingRgb(-0.8);
    expect(pb).toBeGreaterThan(pr + 40);
    expect(nr).toBeGreaterThan(nb + 40);
  });

  it('has the same lightness for +t and -t (symmetric salience)', () => {
    for (const t of ts) {
      expect(Math.abs(oklabL(divergingRgb(t)) - oklabL(divergingRgb(-t)))).toBeLessThan(0.01);
    }
  });

  it('gets darker monotonically with |t| on both sides', () => {
    for (const sign of [1, -1]) {
      for (let i = 1; i < ts.length; i++) {
        expect(oklabL(divergingRgb(sign * ts[i]!))).toBeLessThan(
          oklabL(divergingRgb(sign * ts[i - 1]!)),
        );
      }
    }
  });

  it('clamps values outside [-1, 1]', () => {
    expect(divergingRgb(7)).toEqual(divergingRgb(1));
    expect(divergingRgb(-7)).toEqual(divergingRgb(-1));
  });

  it('gives AA-contrast label text on every colour of the scale', () => {
    for (let t = -1; t <= 1; t += 0.01) {
      const bg = divergingRgb(t);
      const fg = hexToRgb(textOn(bg))!;
      expect(contrastRatio(bg, fg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('legend text colours', () => {
  it('meet WCAG AA on the panel background', () => {
    const bg = hexToRgb(PANEL_BG_HEX)!;
    expect(contrastRatio(hexToRgb(TEXT_HEX)!, bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hexToRgb(MUTED_TEXT_HEX)!, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('contrast ratio matches known values', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});

describe('domains', () => {
  it('maxAbs ignores non-finite values', () => {
    expect(maxAbs([1, -3, Number.NaN, Infinity, 2])).toBe(3);
    expect(maxAbs(new Float32Array(4))).toBe(0);
  });

  it('robustExtent ignores a lone outlier', () => {
    const v = Array.from({ length: 200 }, (_, i) => (i % 2 ? 1 : -1) * (i / 200));
    v.push(1000);
    expect(robustExtent(v, 0.99)).toBeLessThan(1.01);
    expect(robustExtent([0, 0])).toBe(0);
  });

  it('normalizeSigned is 0 for an empty domain and clamps', () => {
    expect(normalizeSigned(5, 0)).toBe(0);
    expect(normalizeSigned(5, 2)).toBe(1);
    expect(normalizeSigned(-1, 2)).toBe(-0.5);
  });
});
