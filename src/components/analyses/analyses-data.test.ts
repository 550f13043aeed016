import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../../analysis/importance';
import { mostChanged } from './MapSizeBars';
import { firstPerClass } from './sample-sets';
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
