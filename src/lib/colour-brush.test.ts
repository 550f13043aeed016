import { describe, expect, it } from 'vitest';
import {
  beginColourStroke,
  colourSegment,
  parseHexColour,
  stampColour,
  toHexColour,
  type Rgb01,
} from './colour-brush';

const W = 9;
const H = 9;
const RED: Rgb01 = [1, 0, 0];

function px(image: Float32Array, row: number, col: number): number[] {
  const p = (row * W + col) * 3;
  return [...image.subarray(p, p + 3)];
}

describe('colour brush', () => {
  it('paints the chosen colour in the core, a blend at the edge and nothing beyond', () => {
    const stroke = beginColourStroke(new Float32Array(W * H * 3), RED);
    expect(stampColour(stroke, W, H, { x: 4.5, y: 4.5 }, 3)).toBe(true);
    expect(px(stroke.image, 4, 4)).toEqual([1, 0, 0]);
    const edge = px(stroke.image, 4, 2);
    expect(edge[0]).toBeGreaterThan(0);
    expect(edge[0]).toBeLessThan(1);
    expect(edge.slice(1)).toEqual([0, 0]);
    expect(px(stroke.image, 0, 0)).toEqual([0, 0, 0]);
  });

  it('blends over what was there, and leaves the start image untouched', () => {
    const blue = new Float32Array(W * H * 3);
    for (let p = 0; p < W * H; p++) blue[p * 3 + 2] = 1;
    const stroke = beginColourStroke(blue, RED);
    stampColour(stroke, W, H, { x: 4.5, y: 4.5 }, 3);
    expect(px(stroke.image, 4, 4)).toEqual([1, 0, 0]);
    const [r, g, b] = px(stroke.image, 4, 2);
    expect(r! + b!).toBeCloseTo(1, 5); // a mix of red and blue
    expect(g).toBe(0);
    expect(px(stroke.image, 0, 0)).toEqual([0, 0, 1]);
    expect(px(blue, 4, 4)).toEqual([0, 0, 1]);
  });

  it('does not pile up where one stroke crosses itself', () => {
    const stroke = beginColourStroke(new Float32Array(W * H * 3), [0, 0.6, 0]);
    stampColour(stroke, W, H, { x: 4.5, y: 4.5 }, 3);
    const once = Float32Array.from(stroke.image);
    expect(stampColour(stroke, W, H, { x: 4.5, y: 4.5 }, 3)).toBe(false);
    expect([...stroke.image]).toEqual([...once]);
    // Neighbouring stamps raise a pixel's share of the colour, never past the colour itself.
    colourSegment(stroke, W, H, { x: 2.5, y: 4.5 }, { x: 6.5, y: 4.5 }, 3);
    for (let p = 0; p < W * H; p++) expect(stroke.image[p * 3 + 1]).toBeLessThanOrEqual(0.6 + 1e-6);
    for (let c = 3; c <= 6; c++) expect(px(stroke.image, 4, c)[1]).toBeCloseTo(0.6, 5);
  });

  it('snaps a faint fringe to 0, so the background keeps no pathway', () => {
    const stroke = beginColourStroke(new Float32Array(W * H * 3), [0.03, 0, 0]);
    stampColour(stroke, W, H, { x: 4.5, y: 4.5 }, 3);
    for (let p = 0; p < W * H; p++) {
      const v = stroke.image[p * 3] ?? 0;
      expect(v === 0 || v >= 0.02).toBe(true);
    }
  });
});

describe('hex colours', () => {
  it('reads and writes <input type="color"> values', () => {
    expect(parseHexColour('#ff8000')).toEqual([1, 128 / 255, 0]);
    expect(parseHexColour('red')).toBeNull();
    expect(parseHexColour('#12345')).toBeNull();
    expect(toHexColour([1, 128 / 255, 0])).toBe('#ff8000');
    expect(toHexColour([2, -1, Number.NaN])).toBe('#ff0000');
  });
});
