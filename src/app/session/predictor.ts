// Asks the worker for a prediction whenever the image or the loaded model changes. Newest wins:
// a fast series of clicks only computes the last image.
import type { WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import { watchKeyedRequest, type Refreshable } from './keyed-request';

const PREDICT_TIMEOUT_MS = 30_000;

export function startPredictor(store: AppStore, client: WorkerClient): Refreshable {
  return watchKeyedRequest(store, {
    keyOf: (state) => {
      if (state.model.status !== 'ready' || !state.model.summary || !state.image) return null;
      return `${state.model.summary.url}#${state.image.version}`;
    },
    send: (state) => {
      // A copy, because the transferred buffer is detached and the store keeps its own pixels.
      const image = state.image!.pixels.slice();
      return client.request(
        'predict',
        { image },
        { channel: 'predict', transfer: [image.buffer], timeoutMs: PREDICT_TIMEOUT_MS },
      );
    },
    onResult: (result, sentFor) =>
      store
        .getState()
        .patchPrediction({ status: 'ready', result, imageVersion: sentFor.image!.version }),
    onError: (error) => store.getState().patchPrediction({ status: 'error', error }),
    onPending: () => store.getState().patchPrediction({ status: 'pending', error: null }),
  });
}
