import { describe, expect, it } from 'vitest';
import { channelSums, cssColour, formatPixel, isZeroPixel, pixelChannels } from './pixel-values';

// A 2-pixel RGB image: orange, then black.
const rgb = new Float32Array([1, 0.5, 0, 0, 0, 0]);

describe('pixel values', () => {
  it('reads one value of a grey image and three of an RGB one', () => {
    expect(pixelChannels(new Float32Array([0.2, 0.7]), 1, 1)).toEqual([Math.fround(0.7)]);
    expect(pixelChannels(rgb, 3, 0)).toEqual([1, 0.5, 0]);
    expect(isZeroPixel(pixelChannels(rgb, 3, 1))).toBe(true);
    expect(isZeroPixel([0, 0.1, 0])).toBe(false);
  });

  it('writes grey values as a number and colours as R, G, B', () => {
    expect(formatPixel([0.25])).toBe('0.25');
    expect(formatPixel([1, 0.5, 0])).toBe('R 1 · G 0.5 · B 0');
    expect(formatPixel([1, 0.5, 0], 'spoken')).toBe('red 1, green 0.5, blue 0');
  });

  it('sums each channel over a selection and gives a CSS colour', () => {
    expect(channelSums(rgb, 3, [0, 1])).toEqual([1, 0.5, 0]);
    expect(cssColour([1, 0.5, 0])).toBe('rgb(255 128 0)');
  });
});
