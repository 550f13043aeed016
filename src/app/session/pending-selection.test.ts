import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKey, requestKey } from '../../state/selectors-view';
import { compareKey, compareRequestKey } from '../../state/selectors-compare';
import { createAppStore, initialData } from '../../state/store';
import { parseUrlState } from '../../state/url';
import type { PixelQueryResult } from '../../pathways/types';
import { COMPARE_SIDE, PENDING_SELECTION_MS, watchPendingSelection } from './pending-selection';

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

describe("B's pending pixel in the compare mode", () => {
  function compareSetup() {
    const store = createAppStore(
      initialData(parseUrlState('?compare=pixels&px=14,9&bpx=10,12').state),
    );
    const stop = watchPendingSelection(store, () => true, COMPARE_SIDE);
    // As on screen: B reads A's image (a pixel comparison), version 1.
    const onScreen = () => ({ ...store.getState(), image: { version: 1 } }) as never;
    return { store, stop, onScreen };
  }

  it('is asked for at once, and becomes B with its answer in one update', () => {
    const { store, onScreen } = compareSetup();
    store.getState().proposeCompareSelection(cell(3, 4));
    expect(store.getState().compare.selection?.region).toEqual(cell(10, 12));
    expect(compareKey(onScreen())).toBe(null); // no class yet: B is not fully known…
    store.getState().setTargetClass(7);
    expect(compareKey(onScreen())).toBe(`a1|${10 * 28 + 12}|7`); // …and still the old pixel
    expect(compareRequestKey(onScreen())).toBe(`a1|${3 * 28 + 4}|7`); // the pick is asked for
    const result = {} as PixelQueryResult;
    const pending = store.getState().compare.pendingSelection;
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    store.getState().answerComparePathways({ status: 'ready', result }, pending);
    unsubscribe();
    expect(updates).toBe(1);
    const s = store.getState();
    expect(s.compare.selection?.region).toEqual(cell(3, 4));
    expect(s.compare.pendingSelection).toBeNull();
    expect(s.compare.pathways.result).toBe(result);
    // The view's own selection (A) is untouched.
    expect(s.selection?.region).toEqual(cell(14, 9));
  });

  it('is drawn alone after the wait, and a later pick wins over an earlier answer', () => {
    const { store } = compareSetup();
    store.getState().proposeCompareSelection(cell(3, 4));
    const first = store.getState().compare.pendingSelection;
    store.getState().proposeCompareSelection(cell(5, 6));
    store.getState().answerComparePathways({ status: 'ready' }, first);
    expect(store.getState().compare.selection?.region).toEqual(cell(10, 12));
    vi.advanceTimersByTime(PENDING_SELECTION_MS - 1);
    expect(store.getState().compare.selection?.region).toEqual(cell(10, 12));
    vi.advanceTimersByTime(1);
    expect(store.getState().compare.selection?.region).toEqual(cell(5, 6));
  });

  it('a direct choice (the link, the view guard) drops the pending pick', () => {
    const { store } = compareSetup();
    store.getState().proposeCompareSelection(cell(3, 4));
    store.getState().setCompareSelection(null);
    vi.advanceTimersByTime(PENDING_SELECTION_MS);
    expect(store.getState().compare.selection).toBeNull();
    expect(store.getState().compare.pendingSelection).toBeNull();
  });

  it('swapping while B is pending swaps the picked pixel', () => {
    const { store } = compareSetup();
    store.getState().proposeCompareSelection(cell(3, 4));
    store.getState().swapCompareSides();
    const s = store.getState();
    expect(s.selection?.region).toEqual(cell(3, 4));
    expect(s.compare.selection?.region).toEqual(cell(14, 9));
    expect(s.compare.pendingSelection).toBeNull();
  });

  it("a pick on the previous model's picker is dropped with the input", () => {
    const { store } = compareSetup();
    store.getState().proposeCompareSelection(cell(3, 4));
    store.getState().compareInputChanged();
    expect(store.getState().compare.pendingSelection).toBeNull();
    expect(store.getState().compare.selection?.region).toEqual(cell(10, 12));
  });
});
