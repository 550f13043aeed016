// Fetches the shipped default example (public/precomputed) when the link opens a view it can
// describe, so the first paint shows pathways before TensorFlow.js and the model are ready. The
// selectors decide when it applies (state/selectors-view.ts); live results replace it.
import { parsePrecomputed } from '../../lib/precomputed-parse';
import type { ModelId } from '../../model/registry';
import { resolveSiteUrl } from '../../model/site-url';
import type { AppStore } from '../../state/store';

/**
 * Written by `npm run precompute` (scripts/precompute-default.ts). public/preload-view.js asks for
 * the same file early (preload-view.test.ts keeps the two in step).
 */
export const PRECOMPUTED_FILES: Partial<Record<ModelId, string>> = {
  mnist: 'precomputed/mnist-default.json',
  'vgg-mnist': 'precomputed/vgg-mnist-default.json',
};

/** Settles once the example is in the store, or skipped (never rejects). */
export function startPrecomputed(store: AppStore): Promise<void> {
  const { modelId, customModelUrl, image } = store.getState();
  const path = PRECOMPUTED_FILES[modelId];
  // A custom model or a drawn image from the link: the example cannot describe it.
  if (!path || customModelUrl !== null || image !== null) return Promise.resolve();
  return fetch(resolveSiteUrl(path, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then((json) => store.getState().setPrecomputed(parsePrecomputed(json)))
    .catch((error: unknown) => {
      // Only a head start is lost: the live model draws the same view a moment later.
      const reason = error instanceof Error ? error.message : String(error);
      store.getState().notify({
        id: 'precomputed',
        level: 'info',
        text: `The precomputed example was skipped (${reason}); the live model draws this view once it has loaded.`,
      });
    });
}
