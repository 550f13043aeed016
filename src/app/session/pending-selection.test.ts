import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKey, requestKey } from '../../state/selectors-view';
import { createAppStore } from '../../state/store';
import type { PixelQueryResult } from '../../pathways/types';
import { PENDING_SELECTION_MS, watchPendingSelection } from './pending-selection';

const cell = (row: number, col: number) => ({ row0: row, col0: col, row1: row, col1: col });

function setup(canAsk = true) {
  const store = createAppStore();
  store.getState().select(cell(10, 10));
  const stop = watchPendingSelection(store, () => canAsk);
  return { store, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a pending selection', () => {
  it('is asked for at once but drawn only with its answer', () => {
    const { store } = setup();
    store.getState().proposeSelection(cell(12, 14));
    const s = store.getState();
    expect(s.selection?.region).toEqual(cell(10, 10)); // the outline has not moved yet
    expect(requestKey({ ...s, image: { version: 1 } } as never)).toContain('|350|');
    expect(queryKey({ ...s, image: { version: 1 } } as never)).toContain('|290|');
    const result = {} as PixelQueryResult;
    store.getState().answerPathways({ status: 'ready', result }, s.pendingSelection);
    expect(store.getState().selection?.pixels).toEqual([12 * 28 + 14]);
    expect(store.getState().pendingSelection).toBeNull();
    expect(store.getState().pathways.result).toBe(result);
  });

  it('is drawn alone once it has waited too long for its answer', () => {
    const { store } = setup();
    store.getState().proposeSelection(cell(12, 14));
    vi.advanceTimersByTime(PENDING_SELECTION_MS - 1);
    expect(store.getState().selection?.region).toEqual(cell(10, 10));
    vi.advanceTimersByTime(1);
    expect(store.getState().selection?.region).toEqual(cell(12, 14));
  });

  it('is drawn at once where no pathways can be asked for it', () => {
    const { store } = setup(false);
    store.getState().proposeSelection(cell(12, 14));
    expect(store.getState().selection?.region).toEqual(cell(12, 14));
  });

  it('a late answer for an earlier click does not draw the newer one', () => {
    const { store } = setup();
    store.getState().proposeSelection(cell(12, 14));
    const first = store.getState().pendingSelection;
    store.getState().proposeSelection(cell(13, 14));
    store.getState().answerPathways({ status: 'ready' }, first);
    expect(store.getState().selection?.region).toEqual(cell(10, 10));
    expect(store.getState().pendingSelection?.region).toEqual(cell(13, 14));
    // The first click's wait was dropped with it; the newer one waits its own time.
    vi.advanceTimersByTime(PENDING_SELECTION_MS);
    expect(store.getState().selection?.region).toEqual(cell(13, 14));
  });

  it('a selection committed directly (keys, a link) drops the pending one', () => {
    const { store } = setup();
    store.getState().proposeSelection(cell(12, 14));
    store.getState().select(cell(3, 3));
    vi.advanceTimersByTime(PENDING_SELECTION_MS);
    expect(store.getState().selection?.region).toEqual(cell(3, 3));
    expect(store.getState().pendingSelection).toBeNull();
  });

  it('stops waiting when stopped', () => {
    const { store, stop } = setup();
    store.getState().proposeSelection(cell(12, 14));
    stop();
    vi.advanceTimersByTime(PENDING_SELECTION_MS * 2);
    expect(store.getState().selection?.region).toEqual(cell(10, 10));
  });
});
