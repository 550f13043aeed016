// Commits a pending selection (view-types.ts `pendingSelection`) that no answer commits: at once
// where no pathways can be asked for it (no model yet, an untraceable model), else once it has
// waited PENDING_SELECTION_MS. The answer normally comes first and commits it itself
// (pathway-query.ts), so that the outline and the Sankey are drawn in the same frame; a slow
// answer (VGG-16, the CPU backend) must not hold up the outline, which then comes alone.
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';

/** Longest a selection waits for its answer before it is drawn alone. */
export const PENDING_SELECTION_MS = 50;

export function watchPendingSelection(
  store: AppStore,
  /** Whether a pathway query can be asked for this state (pathway-query.ts keyOf). */
  canAsk: (state: AppState) => boolean,
  delayMs = PENDING_SELECTION_MS,
): () => void {
  let watched: AppState['pendingSelection'] = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const run = () => {
    const state = store.getState();
    const pending = state.pendingSelection;
    if (pending === watched) return;
    watched = pending;
    clear();
    if (pending === null) return;
    if (!canAsk(state)) {
      state.commitPendingSelection(pending);
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      store.getState().commitPendingSelection(pending);
    }, delayMs);
  };
  const unsubscribe = store.subscribe(run);
  run();
  return () => {
    clear();
    unsubscribe();
  };
}
