// Asks the worker for B's pathways in the compare mode (docs/compare.md), on its own channel, so
// that A's query (pathway-query.ts, channel `query`) and B's never supersede each other: changing
// B's pixel sends ONE query (B's), and A's answer on screen is reused. The worker keeps the gates
// of the last image only, so in an image comparison each side's query recomputes its image's gates
// (one forward pass, a few ms on the small model) rather than caching two images' gates. B's query
// skips the chain search: the compare views draw no chains (the largest chains of a difference
// are not the difference of the largest chains), and it is half the engine's time on VGG-16.
import type { WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import {
  compareClassB,
  compareImagePixels,
  compareKey,
  comparePixels,
} from '../../state/selectors-compare';
import type { AppState } from '../../state/types';
import { watchKeyedRequest, type Refreshable } from './keyed-request';
import { QUERY_BUSY_DELAY_MS } from './pathway-query';

const QUERY_TIMEOUT_MS = 60_000;

function modelKey(s: AppState): string | null {
  const summary = s.model.summary;
  if (s.model.status !== 'ready' || !summary || !summary.pathways.supported) return null;
  return summary.url;
}

export function startCompareQuery(store: AppStore, client: WorkerClient): Refreshable {
  // A gallery sample named by the link becomes B's image once the gallery is there; B's image and
  // region follow the model's input (a model of another size drops what no longer fits).
  let input = store.getState().input;
  const unsubscribe = store.subscribe((s) => {
    if (s.input !== input) {
      input = s.input;
      s.compareInputChanged();
    }
    const now = store.getState();
    const pending = now.compare.pendingSample;
    if (pending !== null && now.samples.status === 'ready' && now.samples.set) {
      now.setCompareSample(pending);
    }
  });
  const watch = watchKeyedRequest(store, {
    keyOf: (state) => {
      const model = modelKey(state);
      const key = compareKey(state);
      return model === null || key === null ? null : `${model}#${key}`;
    },
    send: (state) => {
      // A copy: the transferred buffer is detached, and the store keeps its own pixels.
      const image = compareImagePixels(state)!.slice();
      return client.request(
        'queryPixels',
        {
          image,
          pixels: [...comparePixels(state)!],
          options: { classIndex: compareClassB(state)!, chains: false },
        },
        { channel: 'compare', transfer: [image.buffer], timeoutMs: QUERY_TIMEOUT_MS },
      );
    },
    onResult: (result, sentFor) =>
      store
        .getState()
        .patchComparePathways({ status: 'ready', result, key: compareKey(sentFor), error: null }),
    onError: (error) => store.getState().patchComparePathways({ status: 'error', error }),
    onPending: () => store.getState().patchComparePathways({ status: 'loading', error: null }),
    pendingDelayMs: QUERY_BUSY_DELAY_MS,
  });
  return {
    stop() {
      unsubscribe();
      watch.stop();
    },
    refresh: () => watch.refresh(),
  };
}
