import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { selectPrecomputedLabel } from './selectors-view';

describe('the label on the precomputed first paint', () => {
  it('promises the live model only while nothing has failed', () => {
    const store = createAppStore();
    expect(selectPrecomputedLabel(store.getState())).toBe('precomputed — live model loading…');

    store.getState().patchModel({ status: 'error', error: 'HTTP 404 for model.json.' });
    expect(selectPrecomputedLabel(store.getState())).toBe(
      'precomputed — the live model could not be loaded: HTTP 404 for model.json.',
    );
  });

  it('names a failed live query once the model is there', () => {
    const store = createAppStore();
    store.getState().patchModel({ status: 'ready' });
    store.getState().patchPathways({ status: 'error', error: 'WebGPU lost its device.' });
    expect(selectPrecomputedLabel(store.getState())).toBe(
      'precomputed — the live model failed: WebGPU lost its device.',
    );
  });
});
