// Category consistency and portion-hot classification on synthetic profiles with known answers.
import { describe, expect, it } from 'vitest';
import { portionHotCode, type PathwayLayerInfo } from '../pathways';
import { categoryConsistency } from './consistency';
import { groupSeparation } from './groups';
import { nearestCentroidAccuracy, projectCodes } from './portion-hot';
import { meanProfile, type PathwayProfile } from './profile';

const layers: PathwayLayerInfo[] = [
  { index: 0, name: 'a', kind: 'conv', height: 2, width: 2, channels: 4 },
  { index: 1, name: 'b', kind: 'dense', height: 1, width: 1, channels: 3 },
];

function profile(label: number, a: number[], b: number[]): PathwayProfile {
  return {
    label,
    prediction: label,
    pixelCount: 1,
    measure: 'positive',
    total: a.length + b.length,
    layerTotals: [a.length, b.length],
    sizes: [Float32Array.from(a), Float32Array.from(b)],
    counts: [Float32Array.from(a), Float32Array.from(b)],
    portionHot: [Float32Array.from(a), Float32Array.from(b)],
  };
}

describe('categoryConsistency', () => {
  it('gives within-class correlation 1 for identical images', () => {
    const profiles = [
      profile(0, [1, 2, 3, 4], [1, 0, 0]),
      profile(0, [1, 2, 3, 4], [1, 0, 0]),
      profile(1, [4, 1, 3, 2], [0, 0, 1]),
      profile(1, [4, 1, 3, 2], [0, 0, 1]),
    ];
    const r = categoryConsistency(profiles, layers);
    for (const l of r) {
      expect(l.within).toBeCloseTo(1, 12);
      expect(l.between).toBeLessThan(1);
      expect(l.gap).toBeGreaterThan(0);
      expect(l.withinPairs).toBe(2);
      expect(l.betweenPairs).toBe(4);
      expect(l.perClassWithin[0]).toBeCloseTo(1, 12);
    }
  });

  it('skips constant vectors instead of counting them as uncorrelated', () => {
    const profiles = [profile(0, [1, 1, 1, 1], [1, 2, 3]), profile(0, [1, 2, 3, 4], [1, 2, 3])];
    const [a, b] = categoryConsistency(profiles, layers);
    expect(a!.constant).toBe(1);
    expect(a!.withinPairs).toBe(0);
    expect(a!.within).toBeNaN();
    expect(b!.within).toBeCloseTo(1, 12);
  });

  it('centring removes what all images share', () => {
    // Both classes share a large common component; only the small part differs.
    const profiles = [
      profile(0, [10, 20, 30, 41], [5, 5, 6]),
      profile(0, [10, 20, 30, 41.5], [5, 5, 6.5]),
      profile(1, [11, 20, 30, 40], [6, 5, 5]),
      profile(1, [11.5, 20, 30, 40], [6.5, 5, 5]),
    ];
    const raw = categoryConsistency(profiles, layers)[0]!;
    const centred = categoryConsistency(profiles, layers, { centre: true })[0]!;
    expect(raw.between).toBeGreaterThan(0.9);
    expect(centred.between).toBeLessThan(0);
    expect(centred.within).toBeGreaterThan(0.9);
  });
});

describe('portion-hot codes', () => {
  it('classifies separable codes perfectly and projects them apart', () => {
    const train = [
      profile(0, [1, 0, 0, 0], [1, 0, 0]),
      profile(0, [0.9, 0.1, 0, 0], [1, 0, 0]),
      profile(1, [0, 0, 1, 0], [0, 1, 0]),
      profile(1, [0, 0.1, 0.9, 0], [0, 1, 0]),
    ];
    const test = [profile(0, [0.8, 0.2, 0, 0], [1, 0, 0]), profile(1, [0, 0, 0.8, 0.2], [0, 1, 0])];
    expect(portionHotCode(train[0]!)).toEqual(Float32Array.from([1, 0, 0, 0, 1, 0, 0]));
    expect(portionHotCode(train[0]!, [1])).toEqual(Float32Array.from([1, 0, 0]));
    const r = nearestCentroidAccuracy(
      { codes: train.map((p) => portionHotCode(p)), labels: [0, 0, 1, 1] },
      { codes: test.map((p) => portionHotCode(p)), labels: [0, 1] },
      2,
    );
    expect(r.accuracy).toBe(1);
    expect(r.confusion).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(r.chance).toBe(0.5);
    const proj = projectCodes(
      train.map((p) => portionHotCode(p)),
      { codes: test.map((p) => portionHotCode(p)), labels: [0, 1] },
    );
    expect(Math.sign(proj.points[0]![0]!)).not.toBe(Math.sign(proj.points[1]![0]!));
  });

  it('averages profiles', () => {
    const m = meanProfile([
      profile(0, [1, 2, 3, 4], [0, 0, 0]),
      profile(0, [3, 2, 1, 0], [2, 2, 2]),
    ]);
    expect(Array.from(m.sizes[0]!)).toEqual([2, 2, 2, 2]);
    expect(Array.from(m.sizes[1]!)).toEqual([1, 1, 1]);
  });
});

describe('groupSeparation', () => {
  it('reports AUC 1 for separated groups and 0.5 for identical ones', () => {
    const g = groupSeparation([
      { name: 'a', values: [1, 2, 3] },
      { name: 'b', values: [10, 11, 12] },
      { name: 'c', values: [1, 2, 3] },
    ]);
    expect(g.pairs).toEqual([
      { a: 'a', b: 'b', auc: 1 },
      { a: 'a', b: 'c', auc: 0.5 },
      { a: 'b', b: 'c', auc: 0 },
    ]);
    expect(g.groups[1]).toMatchObject({ name: 'b', count: 3, mean: 11, median: 11 });
    expect(g.histogram.counts.map((c) => c.reduce((s, v) => s + v, 0))).toEqual([3, 3, 3]);
  });
});
