import { describe, expect, it } from 'vitest';
import { decodeCompareImage, encodeCompareImage } from './compare-image-code';
import { COMPARE_URL_FIELDS } from './compare-url';
import { parseUrlState } from './url';

const SIZE = 784;
const MNIST = { height: 28, width: 28, channels: 1 };
const RGB = { height: 32, width: 24, channels: 3 };

describe("B's image in the link (bimg)", () => {
  it('writes a sample by number', () => {
    expect(encodeCompareImage({ kind: 'sample', index: 42 })).toBe('sample.42');
    expect(decodeCompareImage('sample.42', MNIST)).toEqual({ kind: 'sample', index: 42 });
  });

  it('keeps an 8-bit image exactly in 8 bits a pixel (a sample, occluded or shifted)', () => {
    const pixels = Float32Array.from({ length: SIZE }, (_, i) => (i % 256) / 255);
    const code = encodeCompareImage({ kind: 'variant', variant: 'occluded', shape: MNIST, pixels });
    expect(code.startsWith('occluded.28x28x1.b')).toBe(true);
    expect(code.length).toBeLessThan(1100);
    const back = decodeCompareImage(code, MNIST);
    expect(back?.kind === 'variant' && back.pixels).toEqual(pixels);
  });

  it('keeps an attacked image exactly (float32), where 16 grey levels would lose the attack', () => {
    const pixels = Float32Array.from({ length: SIZE }, (_, i) =>
      Math.min(1, ((i * 37) % 100) / 99 + 0.03),
    );
    const code = encodeCompareImage({ kind: 'variant', variant: 'attacked', shape: MNIST, pixels });
    expect(code.startsWith('attacked.28x28x1.f')).toBe(true);
    const back = decodeCompareImage(code, MNIST);
    expect(back?.kind === 'variant' && Array.from(back.pixels)).toEqual(Array.from(pixels));
  });

  it('carries the geometry: an RGB image comes back with its H×W×C, and only as that', () => {
    const pixels = Float32Array.from({ length: 32 * 24 * 3 }, (_, i) => ((i * 7) % 256) / 255);
    const code = encodeCompareImage({ kind: 'variant', variant: 'shifted', shape: RGB, pixels });
    expect(code.startsWith('shifted.32x24x3.b')).toBe(true);
    const back = decodeCompareImage(code);
    expect(back).toEqual({ kind: 'variant', variant: 'shifted', shape: RGB, pixels });
    expect(decodeCompareImage(code, RGB)).toEqual(back);
    // The same values read as another geometry are refused, not reshaped.
    expect(decodeCompareImage(code, { height: 24, width: 32, channels: 3 })).toBeUndefined();
    expect(decodeCompareImage(code, MNIST)).toBeUndefined();
  });

  it('reads a link written before any-size models as 28×28 grey', () => {
    const pixels = Float32Array.from({ length: SIZE }, (_, i) => (i % 2) / 255);
    const legacy = encodeCompareImage({
      kind: 'variant',
      variant: 'drawn',
      shape: MNIST,
      pixels,
    }).replace('.28x28x1', '');
    expect(decodeCompareImage(legacy, MNIST)).toEqual({
      kind: 'variant',
      variant: 'drawn',
      shape: MNIST,
      pixels,
    });
  });

  it('refuses values that do not fill the declared geometry, and codes longer than a link', () => {
    const pixels = new Float32Array(32 * 24 * 3);
    const code = encodeCompareImage({ kind: 'variant', variant: 'drawn', shape: RGB, pixels });
    expect(decodeCompareImage(code.replace('32x24x3', '32x24x1'))).toBeUndefined();
    expect(decodeCompareImage(code.replace('32x24x3', '300x24x3'))).toBeUndefined();
    expect(decodeCompareImage(`drawn.8x8x1.b${'A'.repeat(70_000)}`)).toBeUndefined();
    expect(() =>
      encodeCompareImage({ kind: 'variant', variant: 'drawn', shape: MNIST, pixels }),
    ).toThrow(RangeError);
  });

  it.each([
    ['no dot', 'sample42'],
    ['an unknown variant', 'painted.bAAAA'],
    ['a wrong size', 'drawn.bAAAA'],
    ['a sample number too long', 'sample.123456'],
    [
      'values outside [0, 1]',
      encodeCompareImage({
        kind: 'variant',
        variant: 'attacked',
        shape: MNIST,
        pixels: new Float32Array(SIZE).fill(2),
      }),
    ],
  ])('refuses %s', (_what, text) => {
    expect(decodeCompareImage(text, MNIST)).toBeUndefined();
  });
});

describe('the compare fields of a link', () => {
  it('reads a comparison of two pixels', () => {
    const { state, problems } = parseUrlState('?compare=pixels&px=14,9&bpx=10,12');
    expect(problems).toEqual([]);
    expect(state.compare).toBe('pixels');
    expect(state.comparePx).toEqual({ row0: 10, col0: 12, row1: 10, col1: 12 });
  });

  it('names every refused compare value in one list, with the value and what was expected', () => {
    const { state, problems } = parseUrlState('?compare=diff&bpx=30,2&bclass=x&bimg=sample.');
    expect(problems.map((p) => p.key)).toEqual(['compare', 'bpx', 'bclass', 'bimg']);
    expect(problems[1]?.text).toBe(
      'The link\'s bpx value "30,2" was ignored (expected a pixel inside the 28×28 image (rows 0 to 27, columns 0 to 27)).',
    );
    expect(state.compare).toBeNull();
    expect(state.comparePx).toBeNull();
  });
});

describe("the compare fields' checks against the model's input (LinkFacts.input)", () => {
  const { comparePx, compareImage } = COMPARE_URL_FIELDS;

  it("holds B's pixel to the model's own rows and columns", () => {
    const region = { row0: 30, col0: 25, row1: 30, col1: 25 };
    expect(comparePx.check?.(region, { input: { height: 32, width: 24, channels: 3 } })).toBe(
      'a pixel inside the 24×32 image (rows 0 to 31, columns 0 to 23)',
    );
    expect(comparePx.check?.(region, { input: { height: 64, width: 64, channels: 1 } })).toBeNull();
    // Undecided while the model (and so its input) is unknown.
    expect(comparePx.check?.(region, {})).toBeUndefined();
  });

  it("holds B's image to the model's H×W×C, and leaves gallery samples to the gallery", () => {
    const rgb = encodeCompareImage({
      kind: 'variant',
      variant: 'attacked',
      shape: RGB,
      pixels: new Float32Array(32 * 24 * 3).fill(0.5),
    });
    expect(compareImage.parse(rgb)).toBe(rgb);
    expect(compareImage.check?.(rgb, { input: RGB })).toBeNull();
    expect(compareImage.check?.(rgb, { input: MNIST })).toBe(
      "B's image as the model reads it: 28×28 grey",
    );
    expect(compareImage.check?.(rgb, {})).toBeUndefined();
    expect(compareImage.check?.('sample.3', { input: MNIST })).toBeNull();
  });

  it('refuses a 28×28 B image in a link to the built-in models before they load', () => {
    const code = encodeCompareImage({
      kind: 'variant',
      variant: 'occluded',
      shape: RGB,
      pixels: new Float32Array(32 * 24 * 3),
    });
    const { problems } = parseUrlState(`?compare=images&bimg=${code}`);
    expect(problems.map((p) => p.key)).toEqual(['bimg']);
    expect(problems[0]?.text).toContain("expected B's image as the model reads it: 28×28 grey");
  });
});
