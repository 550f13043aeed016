// The small numeric utilities, on inputs whose answers are known.
import { describe, expect, it } from 'vitest';
import { auc, separability } from './auc';
import { histogram } from './histogram';
import { fitPca, projectPca } from './pca';
import { deriveSeed, mulberry32, sampleWithoutReplacement, shuffle } from './prng';
import { correlation, median, rankDescending, relativeL1, standardise, dot } from './statistics';

describe('auc', () => {
  it('is 1 for separated samples, 0 reversed and 0.5 for identical ones', () => {
    expect(auc([1, 2, 3], [4, 5, 6])).toBe(1);
    expect(auc([4, 5, 6], [1, 2, 3])).toBe(0);
    expect(auc([1, 2, 3], [1, 2, 3])).toBe(0.5);
    expect(auc([7, 7, 7], [7, 7])).toBe(0.5);
    expect(separability([4, 5, 6], [1, 2, 3])).toBe(1);
  });

  it('matches the pairwise definition with ties counting one half', () => {
    const a = [1, 2, 2, 5, 9];
    const b = [2, 3, 5, 5];
    let u = 0;
    for (const x of a) for (const y of b) u += y > x ? 1 : y === x ? 0.5 : 0;
    expect(auc(a, b)).toBeCloseTo(u / (a.length * b.length), 12);
  });

  it('is NaN for an empty sample', () => {
    expect(auc([], [1])).toBeNaN();
  });
});

describe('correlation', () => {
  it('is 1 for identical and −1 for mirrored vectors, NaN for constants', () => {
    expect(correlation([1, 2, 4], [1, 2, 4])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 4], [2, 4, 8])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 4], [-1, -2, -4])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('equals the dot product of standardised vectors', () => {
    const a = [0.3, 1.2, -0.5, 2];
    const b = [1, 0.1, 0.4, 3];
    expect(dot(standardise(a)!, standardise(b)!)).toBeCloseTo(correlation(a, b), 12);
    expect(standardise([2, 2])).toBeNull();
  });

  it('ranks, medians and relative L1', () => {
    expect(rankDescending([1, 3, 3, 0])).toEqual([1, 2, 0, 3]);
    expect(rankDescending([1, 3, 3, 0], [0, 0, 1, 0])).toEqual([2, 1, 0, 3]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(relativeL1([1, 2], [1, 2])).toBe(0);
    expect(relativeL1([1, 1], [2, 1])).toBe(0.5);
  });
});

describe('histogram', () => {
  it('bins groups on shared edges, the maximum in the last bin', () => {
    const h = histogram(
      [
        [0, 1, 2, 3, 4],
        [4, 4],
      ],
      4,
    );
    expect(h.edges).toEqual([0, 1, 2, 3, 4]);
    expect(h.counts).toEqual([
      [1, 1, 1, 2],
      [0, 0, 0, 2],
    ]);
  });

  it('handles a single value', () => {
    const h = histogram([[5, 5]], 2);
    expect(h.counts[0]).toEqual([0, 2]);
  });
});

describe('pca', () => {
  it('finds the axes of a known 2-D set', () => {
    // Points on a line along (1, 1)/√2 with spread 3 and a small orthogonal spread 0.5.
    const rows: number[][] = [];
    for (const t of [-3, -1, 1, 3]) {
      for (const u of [-0.5, 0.5])
        rows.push([10 + (t - u) / Math.SQRT2, -2 + (t + u) / Math.SQRT2]);
    }
    const pca = fitPca(rows, { components: 2, seed: 9 });
    expect(pca.mean[0]).toBeCloseTo(10, 10);
    expect(pca.mean[1]).toBeCloseTo(-2, 10);
    const [c1, c2] = pca.components;
    expect(Math.abs(c1![0]!)).toBeCloseTo(Math.SQRT1_2, 6);
    expect(c1![0]! * c1![1]!).toBeGreaterThan(0);
    expect(Math.abs(c2![0]!)).toBeCloseTo(Math.SQRT1_2, 6);
    expect(c2![0]! * c2![1]!).toBeLessThan(0);
    // Sample variances (n − 1 = 7): Σt² = 2·(9 + 1 + 1 + 9) = 40; Σu² = 8 · 0.25 = 2.
    expect(pca.variances[0]).toBeCloseTo(40 / 7, 6);
    expect(pca.variances[1]).toBeCloseTo(2 / 7, 6);
    expect(pca.explained[0]! + pca.explained[1]!).toBeCloseTo(1, 10);
    const projected = projectPca(pca, [[10, -2]]);
    expect(projected[0]![0]).toBeCloseTo(0, 10);
  });

  it('is deterministic for a seed and sign-stable', () => {
    const rows = [
      [1, 0, 2],
      [2, 1, 0],
      [0, 3, 1],
      [4, 1, 1],
    ];
    const a = fitPca(rows, { seed: 1 });
    const b = fitPca(rows, { seed: 2 });
    for (let j = 0; j < 3; j++) expect(a.components[0]![j]).toBeCloseTo(b.components[0]![j]!, 6);
  });
});

describe('prng', () => {
  it('repeats for a seed and differs between streams', () => {
    const a = mulberry32(3);
    const b = mulberry32(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('samples distinct values and shuffles a permutation', () => {
    const s = sampleWithoutReplacement(mulberry32(1), 10, 10);
    expect([...s].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(() => sampleWithoutReplacement(mulberry32(1), 3, 4)).toThrow();
    const p = shuffle([1, 2, 3, 4, 5], mulberry32(2));
    expect([...p].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
