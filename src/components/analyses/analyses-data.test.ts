import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../../analysis/importance';
import { mostChanged } from './MapSizeBars';
import { parseSampleSet } from '../../model/samples';
import { firstPerClass, labelledImages, MAX_NATURALS_BYTES, naturalImages } from './sample-sets';
import { isStale } from './use-analysis-run';
import { importantMapIds } from './use-important-map-ids';

describe('important maps for the Sankey', () => {
  it('lists the top-m maps of every layer as Sankey node ids', () => {
    // Only the names and the rankings matter here.
    const ranked = (name: string) => ({ name, ranking: [2, 1, 0] });
    const importance = {
      layers: [ranked('conv1'), ranked('pool1')],
    } as unknown as ImportanceResult;
    expect([...importantMapIds(importance, 2)]).toEqual([
      'conv1:2',
      'conv1:1',
      'pool1:2',
      'pool1:1',
    ]);
    expect(importantMapIds(importance, 0).size).toBe(0);
  });
});

describe('gallery subsets and attack highlights', () => {
  it('takes the first n samples of each class, class by class', () => {
    expect(firstPerClass([1, 0, 1, 0, 0, 2], 3, 2)).toEqual([1, 3, 0, 2, 5]);
  });

  it('finds the maps the attack changed most', () => {
    expect(mostChanged([0.5, 0.3, 0.2], [0.2, 0.3, 0.5], 2)).toEqual([0, 2]);
  });
});

describe('the staleness rule', () => {
  const run = (resultKey: string | null, result: object | null) => ({
    status: 'done' as const,
    progress: 1,
    label: '',
    key: resultKey,
    result,
    resultKey,
    error: null,
    command: null,
  });

  it('calls a result stale when it answers another key than the view’s now', () => {
    expect(isStale(run('a', {}), 'a')).toBe(false);
    expect(isStale(run('a', {}), 'b')).toBe(true);
    expect(isStale(run('a', {}), null)).toBe(true);
    expect(isStale(run(null, null), 'a')).toBe(false); // nothing shown, nothing stale
  });
});

describe('labelled sets and natural images of an RGB gallery', () => {
  // Three 1×2 RGB images: classes 0, 1, 0; each value says its image (10, 20, 30) and channel.
  const set = parseSampleSet(
    { count: 3, height: 1, width: 2, channels: 3, classNames: ['cat', 'dog'], labels: [0, 1, 0] },
    Uint8Array.from({ length: 18 }, (_, k) => (Math.floor(k / 6) + 1) * 10 + (k % 3)).buffer,
  );

  it('copies whole H×W×C images', () => {
    const picked = labelledImages(set, [2, 1]);
    expect(picked.count).toBe(2);
    expect([...picked.labels]).toEqual([0, 1]);
    expect(picked.images).toHaveLength(12);
    expect(Math.round(picked.images[0]! * 255)).toBe(30);
    expect(Math.round(picked.images[6]! * 255)).toBe(20);
  });

  it('takes one natural image per class, never the attacked one', () => {
    const naturals = naturalImages(set, 0);
    expect(naturals.ok && naturals.indices).toEqual([2, 1]);
  });

  it('says which class has no natural image', () => {
    const naturals = naturalImages(set, 1);
    expect(naturals.ok).toBe(false);
    expect(!naturals.ok && naturals.reason).toMatch(
      /no image of class “dog” \(other than the image attacked\)/,
    );
  });

  it('refuses to send more natural images than the page sends at once', () => {
    const side = 256;
    const big = { ...set, height: side, width: side, classNames: Array(100).fill('x') };
    const naturals = naturalImages(big);
    expect(naturals.ok).toBe(false);
    expect(side * side * 3 * 4 * 100).toBeGreaterThan(MAX_NATURALS_BYTES);
  });
});
