import { describe, expect, it } from 'vitest';
import { encodeImage } from '../lib/image-codec';
import type { PrecomputedView } from '../lib/precomputed';
import { parseSampleSet } from '../model/samples';
import { syntheticPixelQuery } from '../layout/testing/synthetic-result';
import { selectPathwaysOrigin, selectShownPathways, queryKey } from './selectors-view';
import { createAppStore, initialData } from './store';
import { parseUrlState } from './url';
import { toUrlState } from './url-sync';

function storeFrom(search: string) {
  return createAppStore(initialData(parseUrlState(search).state));
}

const ink = new Float32Array(784);
ink[10 * 28 + 12] = 1;
ink[10 * 28 + 13] = 0.6;

describe('visualizer state', () => {
  it('restores a drawn image from the link; it wins over a sample', () => {
    const img = encodeImage(ink, 28, 28);
    const store = storeFrom(`?img=${img}&sample=4&px=10,12&class=3`);
    const s = store.getState();
    expect(s.image?.source).toEqual({ kind: 'drawn' });
    expect(s.image?.pixels[10 * 28 + 12]).toBe(1);
    expect(s.pendingSample).toBeNull();
    expect(s.selection?.pixels).toEqual([10 * 28 + 12]);
    expect(s.targetClass).toBe(3);
    // And back: the same fields come out.
    expect(toUrlState(s)).toMatchObject({ img, sample: null, targetClass: 3 });
  });

  it('keeps a region selection with its pixels', () => {
    const store = storeFrom('?px=1,2,2,3');
    expect(store.getState().selection?.pixels).toEqual([30, 31, 58, 59]);
    store.getState().select(null);
    expect(toUrlState(store.getState()).px).toBeNull();
  });

  it('shows the precomputed example only for its own view, and live results over it', () => {
    const set = parseSampleSet(
      { count: 2, height: 28, width: 28, classNames: ['a', 'b'], labels: [0, 1] },
      new Uint8Array(2 * 784).fill(9).buffer,
    );
    const store = storeFrom('?px=0,1');
    const result = syntheticPixelQuery();
    const pre = {
      modelId: 'mnist',
      sample: 1,
      region: { row0: 0, col0: 1, row1: 0, col1: 1 },
      pixels: [1],
      result,
    } as unknown as PrecomputedView;
    const s = store.getState();
    s.patchSamples({ status: 'ready', set });
    s.setPrecomputed(pre);
    s.selectSample(1);
    expect(selectPathwaysOrigin(store.getState())).toBe('precomputed');
    expect(selectShownPathways(store.getState())).toBe(result);
    // Another class than the example's: nothing to show until the model answers.
    store.getState().setTargetClass(result.classIndex + 1);
    expect(selectPathwaysOrigin(store.getState())).toBe('none');
    store.getState().setTargetClass(null);
    const live = syntheticPixelQuery({ seed: 5 });
    store.getState().patchPathways({ result: live, key: queryKey(store.getState()) });
    expect(selectPathwaysOrigin(store.getState())).toBe('live');
    // A new selection: the last live answer stays (stale) until the next one arrives.
    store.getState().select({ row0: 0, col0: 2, row1: 0, col1: 2 });
    expect(selectPathwaysOrigin(store.getState())).toBe('stale');
    expect(selectShownPathways(store.getState())).toBe(live);
    // A new image: the old image's answer is dropped.
    store.getState().selectSample(0);
    expect(selectPathwaysOrigin(store.getState())).toBe('none');
  });
});
