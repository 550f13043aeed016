import { describe, expect, it } from 'vitest';
import { parseSampleSet } from '../model/samples';
import type { ModelSummary } from '../model/summary-types';
import { selectClassNames, selectFittingGallery } from './selectors';
import { createAppStore, initialData } from './store';
import { parseUrlState } from './url';

/** The parts of a worker summary the class names depend on. */
function summaryOf(
  shape: [number, number, number],
  classNames: string[],
  source: ModelSummary['classNamesSource'],
): ModelSummary {
  return {
    url: 'http://127.0.0.1/own/model.json',
    inputShape: shape,
    classCount: classNames.length,
    classNames,
    classNamesSource: source,
  } as ModelSummary;
}

/** A gallery of `count` blank images of this geometry, one per class name. */
function gallery(shape: [number, number, number], classNames: string[]) {
  const [height, width, channels] = shape;
  const count = classNames.length;
  return parseSampleSet(
    { count, height, width, channels, classNames, labels: classNames.map((_, i) => i) },
    new Uint8Array(count * height * width * channels).buffer,
  );
}

function ownModelStore() {
  return createAppStore(initialData(parseUrlState('?modelUrl=own/model.json').state));
}

describe('selectClassNames', () => {
  it('keeps the built-in gallery’s names for the built-in models', () => {
    const store = createAppStore();
    expect(selectClassNames(store.getState())).toEqual([...'0123456789']);
    const set = gallery([28, 28, 1], ['T-shirt', 'Trouser']);
    store.getState().patchSamples({ status: 'ready', set });
    expect(selectClassNames(store.getState())).toBe(set.classNames);
  });

  it('shows no names for an own model before it has loaded, never the digits', () => {
    expect(selectClassNames(ownModelStore().getState())).toEqual([]);
  });

  it('uses the names an own model came with, even beside a gallery', () => {
    const store = ownModelStore();
    const summary = summaryOf([32, 32, 3], ['cat', 'dog', 'ship'], 'labels');
    store.getState().patchModel({ status: 'ready', summary });
    store.getState().patchSamples({ status: 'ready', set: gallery([32, 32, 3], ['a', 'b', 'c']) });
    expect(selectClassNames(store.getState())).toBe(summary.classNames);
  });

  it('falls back to the model’s own sample set, then to "class k"', () => {
    const store = ownModelStore();
    const summary = summaryOf([20, 20, 1], ['class 0', 'class 1'], 'default');
    store.getState().patchModel({ status: 'ready', summary });
    expect(selectClassNames(store.getState())).toBe(summary.classNames);
    const set = gallery([20, 20, 1], ['circle', 'square']);
    store.getState().patchSamples({ status: 'ready', set });
    expect(selectClassNames(store.getState())).toBe(set.classNames);
  });

  it('ignores a gallery that does not fit the model (geometry or class count)', () => {
    const store = ownModelStore();
    const summary = summaryOf([20, 20, 1], ['class 0', 'class 1'], 'default');
    store.getState().patchModel({ status: 'ready', summary });
    store.getState().patchSamples({ status: 'ready', set: gallery([20, 20, 3], ['a', 'b']) });
    expect(selectFittingGallery(store.getState())).toBeNull();
    expect(selectClassNames(store.getState())).toBe(summary.classNames);
    store.getState().patchSamples({ status: 'ready', set: gallery([20, 20, 1], ['a', 'b', 'c']) });
    expect(selectFittingGallery(store.getState())).toBeNull();
    expect(selectClassNames(store.getState())).toBe(summary.classNames);
  });

  it('returns the same reference on every call (zustand re-renders on a new one)', () => {
    const store = ownModelStore();
    store.getState().patchModel({
      status: 'ready',
      summary: summaryOf([8, 8, 1], ['class 0', 'class 1'], 'default'),
    });
    const state = store.getState();
    expect(selectClassNames(state)).toBe(selectClassNames(state));
    expect(selectClassNames(ownModelStore().getState())).toBe(
      selectClassNames(ownModelStore().getState()),
    );
  });
});
