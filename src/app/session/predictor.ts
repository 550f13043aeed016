// Asks the worker for a prediction whenever the image or the loaded model changes. Newest wins:
// a fast series of clicks only computes the last image.
import type { WorkerClient } from '../../worker/client';
import { isSuperseded, WorkerCrashedError } from '../../worker/errors';
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';

const PREDICT_TIMEOUT_MS = 30_000;

export interface Predictor {
  stop(): void;
  /** Forgets the last request so the current image is predicted again (after a restart). */
  refresh(): void;
}

export function startPredictor(store: AppStore, client: WorkerClient): Predictor {
  let lastKey: string | null = null;

  const keyOf = (state: AppState): string | null => {
    if (state.model.status !== 'ready' || !state.model.summary || !state.image) return null;
    return `${state.model.summary.url}#${state.image.version}`;
  };

  const run = () => {
    const state = store.getState();
    const key = keyOf(state);
    if (key === null || key === lastKey || !state.image) return;
    lastKey = key;
    const { version } = state.image;
    // A copy, because the transferred buffer is detached and the store keeps its own pixels.
    const image = state.image.pixels.slice();
    void client
      .request(
        'predict',
        { image },
        { channel: 'predict', transfer: [image.buffer], timeoutMs: PREDICT_TIMEOUT_MS },
      )
      .then((result) => {
        if (store.getState().image?.version !== version) return;
        store.getState().patchPrediction({ status: 'ready', result, imageVersion: version });
      })
      .catch((error: Error) => {
        // Superseded: a newer image is on its way. Crashed: the restart predicts again.
        if (isSuperseded(error) || error instanceof WorkerCrashedError) return;
        if (store.getState().image?.version !== version) return;
        store.getState().patchPrediction({ status: 'error', error: error.message });
      });
    // After sending: patching first would run the other subscribers, and their requests would
    // queue ahead of this one on the serial worker.
    store.getState().patchPrediction({ status: 'pending', error: null });
  };

  const unsubscribe = store.subscribe(run);
  run();
  return {
    stop: unsubscribe,
    refresh() {
      lastKey = null;
      run();
    },
  };
}
