// Loads the model (in the worker) and its card (here) whenever the chosen model changes.
import { LONG_STEP_STALL_MS, type WorkerClient } from '../../worker/client';
import { isSuperseded } from '../../worker/errors';
import { loadModelCard } from '../../model/model-card';
import type { AppStore } from '../../state/store';
import { chooseModelSource } from './model-source';

const LOAD_TIMEOUT_MS = 120_000;

export function startModelLoader(store: AppStore, client: WorkerClient): () => void {
  let token = 0;

  const load = () => {
    const { modelId, customModelUrl, notify, patchModel } = store.getState();
    const { source, rejected } = chooseModelSource(modelId, customModelUrl, document.baseURI);
    if (rejected) notify({ id: 'custom-model', level: 'warning', text: rejected });
    const mine = ++token;
    patchModel({
      status: 'loading',
      progress: 0,
      summary: null,
      card: null,
      error: null,
      label: source.label,
    });
    // The old model's answer does not describe the new one.
    store.getState().patchPrediction({ status: 'idle', result: null, imageVersion: null });

    if (source.cardUrl) {
      loadModelCard(source.cardUrl)
        .then((card) => {
          if (mine === token) store.getState().patchModel({ card });
        })
        .catch(() => undefined); // The card is decoration; the model itself reports failures.
    }

    client
      .request(
        'loadModel',
        { url: source.url },
        {
          channel: 'model',
          replay: true,
          timeoutMs: LOAD_TIMEOUT_MS,
          stallMs: LONG_STEP_STALL_MS,
          onProgress: (fraction) => {
            if (mine === token) store.getState().patchModel({ progress: fraction });
          },
        },
      )
      .then((summary) => {
        if (mine === token) store.getState().patchModel({ status: 'ready', progress: 1, summary });
      })
      .catch((error: Error) => {
        if (mine !== token || isSuperseded(error)) return;
        const reason = error.message || String(error);
        store.getState().patchModel({
          status: 'error',
          error: `The model “${source.label}” could not be loaded. ${reason}`,
        });
      });
  };

  load();
  return store.subscribe((state, prev) => {
    if (state.modelId !== prev.modelId || state.customModelUrl !== prev.customModelUrl) load();
  });
}
