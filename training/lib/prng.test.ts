import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32, shuffleInPlace } from './prng';

describe('seeded randomness', () => {
  it('repeats for the same seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    first.forEach((v) => expect(v >= 0 && v < 1).toBe(true));
  });

  it('shuffles into a permutation, reproducibly', () => {
    const shuffled = shuffleInPlace(
      Int32Array.from({ length: 100 }, (_, i) => i),
      mulberry32(1),
    );
    const again = shuffleInPlace(
      Int32Array.from({ length: 100 }, (_, i) => i),
      mulberry32(1),
    );
    expect([...shuffled]).toEqual([...again]);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...shuffled]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('derives distinct sub-seeds per stream', () => {
    const seeds = new Set(Array.from({ length: 50 }, (_, s) => deriveSeed(1, s)));
    expect(seeds.size).toBe(50);
  });
});
