import { describe, expect, it } from 'vitest';
import { defaultPixel } from './default-pixel';

describe('defaultPixel', () => {
  it('is null for a blank image', () => {
    expect(defaultPixel(new Float32Array(16), 4, 4)).toBeNull();
  });

  it('picks the middle of a thick part of the stroke', () => {
    // A thin line on row 0 and a 3×3 blob around (3, 4).
    const w = 6;
    const img = new Float32Array(w * 6);
    for (let c = 0; c < w; c++) img[c] = 1;
    for (let r = 2; r <= 4; r++) for (let c = 3; c <= 5; c++) img[r * w + c] = 0.9;
    expect(defaultPixel(img, w, 6)).toBe(3 * w + 4);
  });

  it('prefers the stroke near the centre over a thick stray end', () => {
    const w = 28;
    const img = new Float32Array(w * w);
    // A long 2-px vertical stroke through the middle and a 3×3 blob in a corner.
    for (let r = 4; r < 24; r++) img[r * w + 14] = img[r * w + 15] = 1;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) img[r * w + c] = 1;
    const p = defaultPixel(img, w, w) ?? 0;
    expect(Math.abs(Math.floor(p / w) - 13)).toBeLessThan(4);
    expect([14, 15]).toContain(p % w);
  });

  it('never picks a zero pixel, even when its neighbourhood is darkest', () => {
    const w = 3;
    const img = Float32Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]);
    const p = defaultPixel(img, w, 3);
    expect(p).not.toBeNull();
    expect(img[p ?? 4]).toBeGreaterThan(0);
  });
});
