// Commits a pending selection (view-types.ts `pendingSelection`; in the compare mode also B's,
// compare-types.ts) that no answer commits: at once where no pathways can be asked for it (no
// model yet, an untraceable model), else once it has waited PENDING_SELECTION_MS. The answer
// normally comes first and commits it itself (pathway-query.ts, compare-query.ts), so that the
// outline and the Sankey are drawn in the same frame; a slow
// answer (VGG-16, the CPU backend) must not hold up the outline, which then comes alone.
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import type { Selection } from '../../state/view-types';

/** Longest a selection waits for its answer before it is drawn alone. */
export const PENDING_SELECTION_MS = 50;

/** Which pending selection is watched: the view's (A) or the compare mode's B. */
export interface PendingSide {
  pendingOf(state: AppState): Selection | null;
  commit(state: AppState, pending: Selection): void;
}

export const VIEW_SIDE: PendingSide = {
  pendingOf: (state) => state.pendingSelection,
  commit: (state, pending) => state.commitPendingSelection(pending),
};

/** B's pixels in a pixel comparison (compare-query.ts). */
export const COMPARE_SIDE: PendingSide = {
  pendingOf: (state) => state.compare.pendingSelection,
  commit: (state, pending) => state.commitComparePendingSelection(pending),
};

export function watchPendingSelection(
  store: AppStore,
  /** Whether a pathway query can be asked for this state (pathway-query.ts keyOf). */
  canAsk: (state: AppState) => boolean,
  side: PendingSide = VIEW_SIDE,
  delayMs = PENDING_SELECTION_MS,
): () => void {
  let watched: Selection | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const run = () => {
    const state = store.getState();
    const pending = side.pendingOf(state);
    if (pending === watched) return;
    watched = pending;
    clear();
    if (pending === null) return;
    if (!canAsk(state)) {
      side.commit(state, pending);
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      side.commit(store.getState(), pending);
    }, delayMs);
  };
  const unsubscribe = store.subscribe(run);
  run();
  return () => {
    clear();
    unsubscribe();
  };
}
