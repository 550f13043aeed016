// Asks the worker for the pathways of the selection whenever the image, the selection, the class
// or the model changes. Newest wins: while the user clicks around, a superseded query is dropped
// by the worker client and only the last selection is answered.
import type { RequestTiming, WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { queryKey } from '../../state/selectors-view';
import type { AppState } from '../../state/types';
import { watchKeyedRequest, type Refreshable } from './keyed-request';

const QUERY_TIMEOUT_MS = 60_000;
/** The Sankey dims ("busy") only when an answer takes longer than this (keyed-request.ts). */
export const QUERY_BUSY_DELAY_MS = 120;

/**
 * `?perf=baseline` restores the earlier click path (the Sankey dims at once on every click) so
 * that `npm run bench:ui` measures it beside today's in one run. A benchmark switch outside the
 * link table (src/state/url-fields.ts).
 */
export function busyDelayFromLink(search: string): number {
  return new URLSearchParams(search).get('perf') === 'baseline' ? 0 : QUERY_BUSY_DELAY_MS;
}

function modelKey(s: AppState): string | null {
  const summary = s.model.summary;
  if (s.model.status !== 'ready' || !summary || !summary.pathways.supported) return null;
  return summary.url;
}

export function startPathwayQuery(store: AppStore, client: WorkerClient): Refreshable {
  // The timings of the answer being applied (set just before its promise resolves).
  let timing: RequestTiming | undefined;
  return watchKeyedRequest(store, {
    keyOf: (state) => {
      const model = modelKey(state);
      const key = queryKey(state);
      if (model === null || key === null || !state.image || !state.selection) return null;
      return `${model}#${key}`;
    },
    send: (state) => {
      const { targetClass } = state;
      // A copy, because the transferred buffer is detached and the store keeps its own pixels.
      const image = state.image!.pixels.slice();
      return client.request(
        'queryPixels',
        {
          image,
          pixels: state.selection!.pixels,
          options: targetClass === null ? {} : { classIndex: targetClass },
        },
        {
          channel: 'query',
          transfer: [image.buffer],
          timeoutMs: QUERY_TIMEOUT_MS,
          onTiming: (t) => (timing = t),
        },
      );
    },
    onResult: (result, sentFor) => {
      const detail = {
        pixels: result.pixels.join(','),
        classIndex: result.classIndex,
        timing: { ...timing },
      };
      markLatest(PERF_MARKS.queryAnswered, detail);
      const key = queryKey(sentFor);
      store.getState().patchPathways({ status: 'ready', result, key, error: null });
    },
    onError: (error) => store.getState().patchPathways({ status: 'error', error }),
    onPending: () => store.getState().patchPathways({ status: 'loading', error: null }),
    pendingDelayMs:
      typeof location === 'undefined' ? QUERY_BUSY_DELAY_MS : busyDelayFromLink(location.search),
  });
}
