import { describe, expect, it } from 'vitest';
import { thumbnail } from './thumbnail';

describe('thumbnail', () => {
  it('returns a small image as it is', () => {
    const values = new Uint8Array(28 * 28);
    const t = thumbnail(values, 28, 28, 1, 56);
    expect(t).toEqual({ values, width: 28, height: 28 });
  });

  it('averages k×k blocks of every channel, partial blocks at the edges', () => {
    // 5×1 RGB: red, red, blue, blue, green; at most 2 wide → blocks of 3: [r r b], [b g].
    const values = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 0]);
    const t = thumbnail(values, 5, 1, 3, 2);
    expect(t.width).toBe(2);
    expect(t.height).toBe(1);
    expect([...t.values].map((v) => Math.round(v))).toEqual([170, 0, 85, 0, 128, 128]);
  });

  it('brings a 256×256 sample to at most the asked side', () => {
    const t = thumbnail(new Uint8Array(256 * 256 * 3).fill(200), 256, 256, 3, 56);
    expect(t.width).toBeLessThanOrEqual(56);
    expect(t.values.length).toBe(t.width * t.height * 3);
    expect(t.values[0]).toBe(200);
  });
});
