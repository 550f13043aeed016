// Asks the worker for the pathways of the selection whenever the image, the selection, the class
// or the model changes. Newest wins: while the user clicks around, a superseded query is dropped
// by the worker client and only the last selection is answered.
import type { WorkerClient } from '../../worker/client';
import { isSuperseded, WorkerCrashedError } from '../../worker/errors';
import type { AppStore } from '../../state/store';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { queryKey } from '../../state/selectors-view';
import type { AppState } from '../../state/types';

const QUERY_TIMEOUT_MS = 60_000;

export interface Refreshable {
  stop(): void;
  /** Forgets the last request so the current view is asked again (after a worker restart). */
  refresh(): void;
}

function modelKey(s: AppState): string | null {
  const summary = s.model.summary;
  if (s.model.status !== 'ready' || !summary || !summary.pathways.supported) return null;
  return summary.url;
}

export function startPathwayQuery(store: AppStore, client: WorkerClient): Refreshable {
  let lastKey: string | null = null;

  const run = () => {
    const state = store.getState();
    const model = modelKey(state);
    const key = queryKey(state);
    if (model === null || key === null || !state.image || !state.selection) return;
    if (`${model}#${key}` === lastKey) return;
    lastKey = `${model}#${key}`;
    const { targetClass } = state;
    // A copy, because the transferred buffer is detached and the store keeps its own pixels.
    const image = state.image.pixels.slice();
    void client
      .request(
        'queryPixels',
        {
          image,
          pixels: state.selection.pixels,
          options: targetClass === null ? {} : { classIndex: targetClass },
        },
        { channel: 'query', transfer: [image.buffer], timeoutMs: QUERY_TIMEOUT_MS },
      )
      .then((result) => {
        if (queryKey(store.getState()) !== key) return;
        const detail = { pixels: result.pixels.join(','), classIndex: result.classIndex };
        markLatest(PERF_MARKS.queryAnswered, detail);
        store.getState().patchPathways({ status: 'ready', result, key, error: null });
      })
      .catch((error: Error) => {
        // Superseded: a newer view is on its way. Crashed: the restart asks again.
        if (isSuperseded(error) || error instanceof WorkerCrashedError) return;
        if (queryKey(store.getState()) !== key) return;
        store.getState().patchPathways({ status: 'error', error: error.message });
      });
    // After sending: patching first would run the other subscribers, and their requests would
    // queue ahead of this one on the serial worker.
    store.getState().patchPathways({ status: 'loading', error: null });
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
