// The pattern shared by the session's worker requests (prediction, pathway query, forward data):
// watch the store, and whenever the view's key changes send one request; newest wins. An answer
// is applied only while the store still shows the view it was asked for, and errors of a
// superseded request or of a crashed worker (whose restart asks again) are not shown.
import { isSuperseded, WorkerCrashedError } from '../../worker/errors';
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';

export interface Refreshable {
  stop(): void;
  /** Forgets the last request so the current view is asked again (after a worker restart). */
  refresh(): void;
}

export interface KeyedRequest<T> {
  /** Identity of what would be asked; null while nothing can be asked yet. */
  keyOf(state: AppState): string | null;
  /** Sends the request for `state`; called only when keyOf(state) is not null, so whatever keyOf
   *  requires (an image, a selection) is present. */
  send(state: AppState): Promise<T>;
  /** Called only while the store's key still equals the one the request was sent for. */
  onResult(result: T, sentFor: AppState): void;
  /** Called only while the store's key still equals the one the request was sent for. */
  onError(message: string, sentFor: AppState): void;
  /** Marks the view as waiting; runs after sending (see below). */
  onPending(): void;
  /**
   * Calls onPending only once the answer has taken this long (default 0: at once). A quick answer
   * then never marks the view as busy: no dimming that is undone a few milliseconds later, whose
   * restyle and compositing would hold up the very frame that shows the answer.
   */
  pendingDelayMs?: number;
}

export function watchKeyedRequest<T>(store: AppStore, spec: KeyedRequest<T>): Refreshable {
  let lastKey: string | null = null;
  let pendingTimer: ReturnType<typeof setTimeout> | null = null;
  const delay = spec.pendingDelayMs ?? 0;

  const clearPendingTimer = () => {
    if (pendingTimer !== null) clearTimeout(pendingTimer);
    pendingTimer = null;
  };

  const run = () => {
    const state = store.getState();
    const key = spec.keyOf(state);
    // No request wanted now: forget the last key, so that coming back to it asks again (an
    // answer that arrives meanwhile is not current, so it is dropped, not shown).
    if (key === null) {
      lastKey = null;
      return;
    }
    if (key === lastKey) return;
    lastKey = key;
    clearPendingTimer();
    let settled = false;
    const stillCurrent = () => spec.keyOf(store.getState()) === key;
    void spec
      .send(state)
      .then((result) => {
        if (stillCurrent()) spec.onResult(result, state);
      })
      .catch((error: Error) => {
        if (isSuperseded(error) || error instanceof WorkerCrashedError) return;
        if (stillCurrent()) spec.onError(error.message, state);
      })
      .finally(() => {
        settled = true;
        if (lastKey === key) clearPendingTimer();
      });
    // After sending: patching first would run the other subscribers, and their requests would
    // queue ahead of this one on the serial worker.
    if (delay <= 0) {
      spec.onPending();
      return;
    }
    pendingTimer = setTimeout(() => {
      pendingTimer = null;
      if (!settled && lastKey === key) spec.onPending();
    }, delay);
  };

  const unsubscribe = store.subscribe(run);
  run();
  return {
    stop() {
      clearPendingTimer();
      unsubscribe();
    },
    refresh() {
      lastKey = null;
      run();
    },
  };
}
