// Asks the worker for the activations of every layer and every pixel's relevance for every class
// (the feature-map and class panels) whenever the image or the model changes.
import type { WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import { watchKeyedRequest, type Refreshable } from './keyed-request';

const FORWARD_TIMEOUT_MS = 60_000;

export function startForwardData(store: AppStore, client: WorkerClient): Refreshable {
  return watchKeyedRequest(store, {
    keyOf: (state) => {
      const summary = state.model.summary;
      if (state.model.status !== 'ready' || !summary?.pathways.supported || !state.image) {
        return null;
      }
      return `${summary.url}#${state.image.version}`;
    },
    send: (state) => {
      // A copy, because the transferred buffer is detached and the store keeps its own pixels.
      // Sent once per image version; its key names the gates the worker computes for it, so the
      // pixel queries of the same image find them by key (src/worker/kept-images.ts).
      const image = state.image!.pixels.slice();
      return client.request(
        'imageForward',
        { image, imageKey: String(state.image!.version) },
        { channel: 'forward', transfer: [image.buffer], timeoutMs: FORWARD_TIMEOUT_MS },
      );
    },
    onResult: (data, sentFor) =>
      store
        .getState()
        .patchForward({ status: 'ready', data, imageVersion: sentFor.image!.version }),
    onError: (error) => store.getState().patchForward({ status: 'error', error }),
    onPending: () => store.getState().patchForward({ status: 'loading', error: null }),
  });
}
