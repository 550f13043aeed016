import { describe, expect, it } from 'vitest';
import { shiftLimit, shiftPresets, strideFromSizes } from './shift-scale';

const conv = (size: number) => ({ kind: 'conv', height: size, width: size });
const pool = (size: number) => ({ kind: 'pool', height: size, width: size });
const dense = { kind: 'dense', height: 1, width: 1 };

describe('strideFromSizes', () => {
  it('multiplies the pools’ factors (the small MNIST CNN: 4)', () => {
    const input = { height: 28, width: 28 };
    expect(strideFromSizes(input, [conv(28), pool(14), conv(14), pool(7), dense])).toBe(4);
  });

  it('counts a padding folded into the first conv as stride 1 (VGG-16 on 28×28: 32)', () => {
    const layers = [conv(32), conv(32), pool(16), conv(16), pool(8), pool(4), pool(2), pool(1)];
    expect(strideFromSizes({ height: 28, width: 28 }, layers)).toBe(32);
  });

  it('counts valid convs as stride 1 and stops at a global pool', () => {
    const gap = { kind: 'pool', op: 'globalmaxpool', height: 1, width: 1 };
    expect(strideFromSizes({ height: 32, width: 32 }, [conv(30), pool(15), gap])).toBe(2);
    expect(strideFromSizes({ height: 32, width: 32 }, [dense])).toBeNull();
  });
});

describe('shiftLimit and shiftPresets', () => {
  it('keeps the MNIST view’s limit and presets', () => {
    expect(shiftLimit(28, 28)).toBe(12);
    expect(shiftPresets(4, 12)).toEqual([
      [4, 0],
      [0, -4],
      [2, 0],
      [1, 0],
    ]);
  });

  it('offers shifts by the stride of another model', () => {
    expect(shiftPresets(8, shiftLimit(64, 64))).toEqual([
      [8, 0],
      [0, -8],
      [4, 0],
      [1, 0],
    ]);
    expect(shiftPresets(2, 12)).toEqual([
      [2, 0],
      [0, -2],
      [1, 0],
    ]);
    expect(shiftPresets(1, 12)).toEqual([
      [1, 0],
      [0, -1],
    ]);
  });

  it('scales the limit with larger images, never past the frame', () => {
    expect(shiftLimit(128, 128)).toBe(55);
    expect(shiftLimit(8, 8)).toBe(7);
    expect(shiftLimit(256, 64)).toBe(27);
  });

  it('falls back to the small shifts when the stride is beyond reach', () => {
    expect(shiftPresets(32, 12)).toEqual([
      [4, 0],
      [0, -4],
      [2, 0],
      [1, 0],
    ]);
    expect(shiftPresets(null, 12)).toHaveLength(4);
  });
});
