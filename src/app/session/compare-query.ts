// Asks the worker for B's pathways in the compare mode (docs/compare.md), on its own channel, so
// that A's query (pathway-query.ts, channel `query`) and B's never supersede each other: changing
// B's pixel sends ONE query (B's), and A's answer on screen is reused. Each side's image is sent
// once and then named by its key (worker-images.ts); the worker keeps its last few images
// (src/worker/kept-images.ts) and the gates of the last one asked about, so switching B's pixel
// copies no image and recomputes no gates. B's query
// skips the chain search: the compare views draw no chains (the largest chains of a difference
// are not the difference of the largest chains), and it is half the engine's time on VGG-16.
import type { WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import {
  compareClassB,
  compareImagePixels,
  compareRequestKey,
  compareRequestPixels,
} from '../../state/selectors-compare';
import type { AppState } from '../../state/types';
import { watchKeyedRequest, type Refreshable } from './keyed-request';
import { QUERY_BUSY_DELAY_MS } from './pathway-query';
import type { ImageRef } from '../../worker/kept-images';
import { createWorkerImages } from './worker-images';
import { COMPARE_SIDE, watchPendingSelection } from './pending-selection';
import { COMPARE_PRESS, createPressAhead } from './press-ahead';

const QUERY_TIMEOUT_MS = 60_000;

function modelKey(s: AppState): string | null {
  const summary = s.model.summary;
  if (s.model.status !== 'ready' || !summary || !summary.pathways.supported) return null;
  return summary.url;
}

/**
 * The worker's key for B's image (worker-images.ts): A's own key when B reads A's image (two
 * pixels, two classes), so the worker's kept gates serve both sides; B's own image otherwise.
 */
function imageKeyOf(s: AppState, pixels: Float32Array): string {
  const a = s.image;
  if (a && a.pixels === pixels) return String(a.version);
  return `compare:${s.compare.image?.version ?? 0}`;
}

export function startCompareQuery(store: AppStore, client: WorkerClient): Refreshable {
  // B's image travels once per version, as A's does (pathway-query.ts).
  const images = createWorkerImages(client);
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
  // A pick is asked for at once; it becomes B's selection with its answer (one frame).
  const keyOf = (state: AppState) => {
    const model = modelKey(state);
    const key = compareRequestKey(state);
    return model === null || key === null ? null : `${model}#${key}`;
  };
  const ask = (state: AppState) => {
    const pixels = compareImagePixels(state)!;
    const request = (ref: ImageRef, transfer: Transferable[]) =>
      client.request(
        'queryPixels',
        {
          ...ref,
          pixels: [...compareRequestPixels(state)!],
          options: { classIndex: compareClassB(state)!, chains: false },
        },
        { channel: 'compare', transfer, timeoutMs: QUERY_TIMEOUT_MS },
      );
    return images.send(imageKeyOf(state, pixels), pixels, request);
  };
  // A press on B's picker asks already; its release takes that answer (press-ahead.ts).
  // An answer there before the release is laid out meanwhile (compare-types.ts pathwaysAhead).
  const pressAhead = createPressAhead(store, keyOf, ask, COMPARE_PRESS, (result) =>
    store.getState().setComparePathwaysAhead(result),
  );
  const watch = watchKeyedRequest(store, {
    keyOf,
    send: (state) => pressAhead.send(state),
    onResult: (result, sentFor) =>
      store
        .getState()
        .answerComparePathways(
          { status: 'ready', result, key: compareRequestKey(sentFor), error: null },
          sentFor.compare.pendingSelection,
        ),
    onError: (error, sentFor) =>
      store
        .getState()
        .answerComparePathways({ status: 'error', error }, sentFor.compare.pendingSelection),
    onPending: () => store.getState().patchComparePathways({ status: 'loading', error: null }),
    pendingDelayMs: QUERY_BUSY_DELAY_MS,
  });
  const stopPending = watchPendingSelection(store, (state) => keyOf(state) !== null, COMPARE_SIDE);
  return {
    stop() {
      unsubscribe();
      watch.stop();
      pressAhead.stop();
      stopPending();
      images.stop();
    },
    refresh: () => watch.refresh(),
  };
}
