// Fetches the gallery of the current model's dataset on the main thread and picks the image to
// show first (the link's sample, else the same index as before, else the model's default sample).
import { modelEntry, samplePaths } from '../../model/registry';
import { loadSampleSet } from '../../model/samples';
import { resolveSiteUrl } from '../../model/site-url';
import type { AppStore } from '../../state/store';

export function startSamplesLoader(store: AppStore): () => void {
  let token = 0;

  const load = () => {
    const { modelId, patchSamples } = store.getState();
    const mine = ++token;
    patchSamples({ status: 'loading', modelId, set: null, error: null });
    const paths = samplePaths(modelId);
    const urls = {
      bin: resolveSiteUrl(paths.bin, document.baseURI),
      meta: resolveSiteUrl(paths.meta, document.baseURI),
    };
    loadSampleSet(urls)
      .then((set) => {
        if (mine !== token) return;
        const state = store.getState();
        state.patchSamples({ status: 'ready', set });
        const source = state.image?.source;
        const wanted = state.pendingSample ?? (source?.kind === 'sample' ? source.index : null);
        const fallback = Math.min(modelEntry(modelId).defaultSample, set.count - 1);
        if (wanted !== null && wanted >= set.count) {
          state.notify({
            id: 'sample-range',
            level: 'warning',
            text: `Sample ${wanted} does not exist (this gallery has ${set.count}); showing sample ${fallback}.`,
          });
        }
        // A drawn or uploaded image stays when the model changes.
        if (source && source.kind !== 'sample' && state.pendingSample === null) return;
        state.selectSample(wanted !== null && wanted < set.count ? wanted : fallback);
      })
      .catch((error: Error) => {
        if (mine !== token) return;
        const state = store.getState();
        state.patchSamples({
          status: 'error',
          error: `The sample gallery could not be loaded. ${error.message}`,
        });
        // Nothing to click on: offer the brush on an empty canvas instead of a stuck panel.
        if (!state.image) state.setInputMode('draw');
      });
  };

  load();
  // The small and the VGG-16 model of a dataset share its gallery: only a new dataset reloads it.
  return store.subscribe((state, prev) => {
    if (state.modelId === prev.modelId) return;
    if (modelEntry(state.modelId).dataset !== modelEntry(prev.modelId).dataset) load();
    else state.patchSamples({ modelId: state.modelId });
  });
}
