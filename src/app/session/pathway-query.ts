// Asks the worker for the pathways of the selection whenever the image, the selection, the class
// or the model changes. Newest wins: while the user clicks around, a superseded query is dropped
// by the worker client and only the last selection is answered. The top chains follow each
// answer in a request of their own (pathway-chains.ts). A pixel is asked for already while the
// pointer is pressed on it (press-ahead.ts).
import type { RequestTiming, WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import { PERF_BASELINE, perfBaselineFromLink } from '../../lib/perf-baseline';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { requestKey } from '../../state/selectors-view';
import type { AppState } from '../../state/types';
import type { ImageRef } from '../../worker/kept-images';
import { watchKeyedRequest, type Refreshable } from './keyed-request';
import { createChainsAsker } from './pathway-chains';
import { createPressAhead, VIEW_PRESS } from './press-ahead';
import { watchPendingSelection } from './pending-selection';
import { createWorkerImages } from './worker-images';

const QUERY_TIMEOUT_MS = 60_000;
/** The Sankey dims ("busy") only when an answer takes longer than this (keyed-request.ts). */
export const QUERY_BUSY_DELAY_MS = 120;

/**
 * `?perf=baseline` restores the earlier click path (the Sankey dims at once on every click) so
 * that `npm run bench:ui` measures it beside today's in one run (src/lib/perf-baseline.ts).
 */
export function busyDelayFromLink(search: string): number {
  return perfBaselineFromLink(search) ? 0 : QUERY_BUSY_DELAY_MS;
}

function modelKey(s: AppState): string | null {
  const summary = s.model.summary;
  if (s.model.status !== 'ready' || !summary || !summary.pathways.supported) return null;
  return summary.url;
}

export function startPathwayQuery(store: AppStore, client: WorkerClient): Refreshable {
  // The timings of the answer being applied (set just before its promise resolves).
  let timing: RequestTiming | undefined;
  // The image travels once per version; a click on another pixel sends its key alone.
  const images = createWorkerImages(client);
  const chains = createChainsAsker(store, client, images);
  // A pending selection (a click) is asked for at once; it becomes the selection with its answer.
  const keyOf = (state: AppState) => {
    const model = modelKey(state);
    const key = requestKey(state);
    if (model === null || key === null || !state.image) return null;
    return `${model}#${key}`;
  };
  const ask = (state: AppState) => {
    const { targetClass, image } = state;
    const selection = state.pendingSelection ?? state.selection;
    // The chains of the last answer are not wanted any more; ?perf=baseline finds them in the
    // query itself, as before.
    chains.cancel();
    const classOption = targetClass === null ? {} : { classIndex: targetClass };
    const options = PERF_BASELINE ? classOption : { ...classOption, chains: false };
    const request = (ref: ImageRef, transfer: Transferable[]) =>
      client.request(
        'queryPixels',
        { ...ref, pixels: selection!.pixels, options },
        {
          channel: 'query',
          transfer,
          timeoutMs: QUERY_TIMEOUT_MS,
          onTiming: (t) => (timing = t),
        },
      );
    if (PERF_BASELINE) {
      // As before: a copy of the whole image with every query.
      const copy = image!.pixels.slice();
      return request({ image: copy }, [copy.buffer]);
    }
    return images.send(String(image!.version), image!.pixels, request);
  };
  // A press on the input asks already; its release takes that answer (press-ahead.ts).
  // An answer there before the release is laid out meanwhile (view-types.ts pathwaysAhead).
  const pressAhead = createPressAhead(store, keyOf, ask, VIEW_PRESS, (result) =>
    store.getState().setPathwaysAhead(result),
  );
  const watch = watchKeyedRequest(store, {
    keyOf,
    send: (state) => pressAhead.send(state),
    onResult: (result, sentFor) => {
      const detail = {
        pixels: result.pixels.join(','),
        classIndex: result.classIndex,
        timing: { ...timing },
      };
      markLatest(PERF_MARKS.queryAnswered, detail);
      const key = requestKey(sentFor);
      // One store update, one frame: the answer, and the click it answers drawn as selected.
      const patch = { status: 'ready' as const, result, key, error: null };
      store.getState().answerPathways(patch, sentFor.pendingSelection);
      if (PERF_BASELINE) {
        const list = result.chains;
        store.getState().patchChains({ status: 'ready', of: result, list, error: null });
      } else chains.ask(result, sentFor);
    },
    onError: (error, sentFor) => {
      store.getState().answerPathways({ status: 'error', error }, sentFor.pendingSelection);
    },
    onPending: () => store.getState().patchPathways({ status: 'loading', error: null }),
    pendingDelayMs:
      typeof location === 'undefined' ? QUERY_BUSY_DELAY_MS : busyDelayFromLink(location.search),
  });
  const stopPending = watchPendingSelection(store, (state) => keyOf(state) !== null);
  return {
    stop() {
      watch.stop();
      pressAhead.stop();
      stopPending();
      chains.cancel();
      images.stop();
    },
    refresh: () => watch.refresh(),
  };
}
