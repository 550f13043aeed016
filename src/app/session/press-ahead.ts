// Asks for a pixel's pathways while the pointer is still pressed on it (view-types.ts
// `pressedSelection`). A click is a press and a release on one pixel, and a person holds the
// button for tens of milliseconds, about as long as the small model's engine takes: asked at the
// press, the answer is on its way, or already there, when the click becomes a selection.
// The release then takes that answer instead of asking again (`send`). A press that becomes a
// drag asks for the rectangle at its release, which supersedes the pixel's request on the same
// worker channel; the cost is one wasted query.
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import type { Selection } from '../../state/view-types';

/** Whose press is watched: the input's (A, the default) or the compare mode's B picker. */
export interface PressSide {
  pressedOf(state: AppState): Selection | null;
  /** The state the release would ask for: the press's pixel as the pending selection. */
  releasedAt(state: AppState, pressed: Selection): AppState;
}

export const VIEW_PRESS: PressSide = {
  pressedOf: (state) => state.pressedSelection,
  releasedAt: (state, pressed) => ({ ...state, pendingSelection: pressed }),
};

export const COMPARE_PRESS: PressSide = {
  pressedOf: (state) => state.compare.pressedSelection,
  releasedAt: (state, pressed) => ({
    ...state,
    compare: { ...state.compare, pendingSelection: pressed },
  }),
};

export interface PressAhead<T> {
  /** The answer for `state`: the one asked at the press when it asked for the same, else anew. */
  send(state: AppState): Promise<T>;
  stop(): void;
}

export function createPressAhead<T>(
  store: AppStore,
  /** What a request would ask (pathway-query.ts keyOf, with the pending selection). */
  keyOf: (state: AppState) => string | null,
  /** Sends the request for `state` (the channel's newest request wins). */
  ask: (state: AppState) => Promise<T>,
  side: PressSide = VIEW_PRESS,
  /** The answer asked ahead arrived while its press is still waiting for the release. */
  onEarly?: (answer: T) => void,
): PressAhead<T> {
  let ahead: { key: string; answer: Promise<T> } | null = null;
  let watched: Selection | null = null;
  const unsubscribe = store.subscribe(() => {
    const state = store.getState();
    const pressed = side.pressedOf(state);
    if (pressed === watched) return;
    watched = pressed;
    if (pressed === null) return;
    const wanted = side.releasedAt(state, pressed);
    const key = keyOf(wanted);
    // Nothing to ask, or already asked (a press on the pixel on screen, a second press there).
    if (key === null || key === keyOf(state) || key === ahead?.key) return;
    const answer = ask(wanted);
    ahead = { key, answer };
    // Superseded, or the worker crashed: a release must then ask anew, not take a failure.
    answer.then(
      (value) => {
        if (ahead?.answer === answer) onEarly?.(value);
      },
      () => {
        if (ahead?.answer === answer) ahead = null;
      },
    );
  });
  return {
    send(state) {
      const key = keyOf(state);
      const taken = ahead !== null && ahead.key === key ? ahead.answer : null;
      // Any other request on the channel supersedes the one asked ahead: forget it either way.
      ahead = null;
      return taken ?? ask(state);
    },
    stop() {
      unsubscribe();
      ahead = null;
    },
  };
}
