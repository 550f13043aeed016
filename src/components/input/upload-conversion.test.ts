import { describe, expect, it } from 'vitest';
import { analyzeImage, type RgbaImage } from '../../lib/image-convert';
import { convertUpload } from './upload-conversion';

function picture(w: number, h: number, colour: (x: number, y: number) => number[]): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set(colour(x, y), (y * w + x) * 4);
  return { data, width: w, height: h };
}

/** 64×64: left half orange, right half black. */
const halves = picture(64, 64, (x) => (x < 32 ? [255, 136, 0, 255] : [0, 0, 0, 255]));

describe('convertUpload, resize', () => {
  it('gives an RGB model the picture at its size in colour, quantised as the link keeps it', () => {
    const r = convertUpload(
      { conversion: 'resize', picture: halves, channels: 3, invert: false, fit: 'stretch' },
      32,
      32,
      undefined,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.grid).toHaveLength(32 * 32 * 3);
    // 136/255 = 0.533 is stored on the link's 15 steps: 8/15.
    expect([...r.grid.subarray(0, 3)]).toEqual([1, Math.fround(8 / 15), 0]);
    expect([...r.grid.subarray(31 * 3, 32 * 3)]).toEqual([0, 0, 0]);
    expect(r.nonZero).toBe(16 * 32);
    expect(r.box).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('marks what Fill keeps, and warns when nothing is left but black', () => {
    const wide = picture(80, 40, () => [0, 0, 0, 255]);
    const r = convertUpload(
      { conversion: 'resize', picture: wide, channels: 1, invert: false, fit: 'fill' },
      20,
      20,
      undefined,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.grid).toHaveLength(400);
    expect(r.box).toEqual([0, 20, 39, 59]);
    expect(r.warnings.map((w) => w.key)).toEqual(['black']);
    expect(r.warnings[0]?.message).not.toMatch(/digit|garment|ink/i);
  });
});

describe('convertUpload, ink', () => {
  it('still finds a digit the MNIST way for the built-in models', () => {
    // A thick dark bar on white paper.
    const bar = picture(60, 60, (x, y) =>
      x >= 26 && x < 34 && y >= 10 && y < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255],
    );
    const analysis = analyzeImage(bar);
    const r = convertUpload(
      { conversion: 'ink', analysis, invert: analysis.suggestInvert, fit: 'mnist' },
      28,
      28,
      undefined,
    );
    if (!r.ok) throw new Error(r.error);
    expect(analysis.suggestInvert).toBe(true);
    expect(r.grid).toHaveLength(784);
    expect(r.box).toEqual([10, 26, 49, 33]);
    expect(r.nonZero).toBeGreaterThan(20);
  });
});
