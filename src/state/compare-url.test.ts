import { describe, expect, it } from 'vitest';
import { decodeCompareImage, encodeCompareImage } from './compare-image-code';
import { parseUrlState } from './url';

const SIZE = 784;

describe("B's image in the link (bimg)", () => {
  it('writes a sample by number', () => {
    expect(encodeCompareImage({ kind: 'sample', index: 42 })).toBe('sample.42');
    expect(decodeCompareImage('sample.42', SIZE)).toEqual({ kind: 'sample', index: 42 });
  });

  it('keeps an 8-bit image exactly in 8 bits a pixel (a sample, occluded or shifted)', () => {
    const pixels = Float32Array.from({ length: SIZE }, (_, i) => (i % 256) / 255);
    const code = encodeCompareImage({ kind: 'variant', variant: 'occluded', pixels });
    expect(code.startsWith('occluded.b')).toBe(true);
    expect(code.length).toBeLessThan(1100);
    const back = decodeCompareImage(code, SIZE);
    expect(back?.kind === 'variant' && back.pixels).toEqual(pixels);
  });

  it('keeps an attacked image exactly (float32), where 16 grey levels would lose the attack', () => {
    const pixels = Float32Array.from({ length: SIZE }, (_, i) =>
      Math.min(1, ((i * 37) % 100) / 99 + 0.03),
    );
    const code = encodeCompareImage({ kind: 'variant', variant: 'attacked', pixels });
    expect(code.startsWith('attacked.f')).toBe(true);
    const back = decodeCompareImage(code, SIZE);
    expect(back?.kind === 'variant' && Array.from(back.pixels)).toEqual(Array.from(pixels));
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
        pixels: new Float32Array(SIZE).fill(2),
      }),
    ],
  ])('refuses %s', (_what, text) => {
    expect(decodeCompareImage(text, SIZE)).toBeUndefined();
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
      'The link\'s bpx value "30,2" was ignored (expected a pixel inside the 28×28 image (rows and columns 0 to 27)).',
    );
    expect(state.compare).toBeNull();
    expect(state.comparePx).toBeNull();
  });
});
