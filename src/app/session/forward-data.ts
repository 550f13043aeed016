// Asks the worker for the activations of every layer and every pixel's relevance for every class
// (the feature-map and class panels) whenever the image or the model changes.
import type { WorkerClient } from '../../worker/client';
import { isSuperseded, WorkerCrashedError } from '../../worker/errors';
import type { AppStore } from '../../state/store';
import type { Refreshable } from './pathway-query';

const FORWARD_TIMEOUT_MS = 60_000;

export function startForwardData(store: AppStore, client: WorkerClient): Refreshable {
  let lastKey: string | null = null;

  const run = () => {
    const state = store.getState();
    const summary = state.model.summary;
    if (state.model.status !== 'ready' || !summary?.pathways.supported || !state.image) return;
    const key = `${summary.url}#${state.image.version}`;
    if (key === lastKey) return;
    lastKey = key;
    const { version } = state.image;
    const image = state.image.pixels.slice();
    void client
      .request(
        'imageForward',
        { image },
        { channel: 'forward', transfer: [image.buffer], timeoutMs: FORWARD_TIMEOUT_MS },
      )
      .then((data) => {
        if (store.getState().image?.version !== version) return;
        store.getState().patchForward({ status: 'ready', data, imageVersion: version });
      })
      .catch((error: Error) => {
        if (isSuperseded(error) || error instanceof WorkerCrashedError) return;
        if (store.getState().image?.version !== version) return;
        store.getState().patchForward({ status: 'error', error: error.message });
      });
    // After sending: patching first would run the other subscribers, and their requests would
    // queue ahead of this one on the serial worker.
    store.getState().patchForward({ status: 'loading', error: null });
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
