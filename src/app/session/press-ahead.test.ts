import { describe, expect, it } from 'vitest';
import { compareRequestKey } from '../../state/selectors-compare';
import { requestKey } from '../../state/selectors-view';
import { createAppStore, initialData } from '../../state/store';
import { parseUrlState } from '../../state/url';
import type { AppState } from '../../state/types';
import { COMPARE_PRESS, createPressAhead } from './press-ahead';
import { deferred, settle } from './deferred.test-util';

const cell = (row: number, col: number) => ({ row0: row, col0: col, row1: row, col1: col });

function setup() {
  const store = createAppStore();
  store.setState({ image: { version: 1, pixels: new Float32Array(784) } } as Partial<AppState>);
  store.getState().select(cell(10, 10));
  const asked: Array<{ key: string | null; answer: ReturnType<typeof deferred<string>> }> = [];
  const ahead = createPressAhead(store, requestKey, (state) => {
    const answer = deferred<string>();
    asked.push({ key: requestKey(state), answer });
    return answer.promise;
  });
  return { store, asked, ahead };
}

describe('asking ahead of the release', () => {
  it('asks at the press; the release on the same pixel takes that answer', async () => {
    const { store, asked, ahead } = setup();
    store.getState().pressSelection(cell(3, 4));
    expect(asked.map((a) => a.key)).toEqual([`1|${3 * 28 + 4}|p`]);
    // Nothing is drawn for a press: the selection and its pending one are as they were.
    expect(store.getState().selection?.region).toEqual(cell(10, 10));
    expect(store.getState().pendingSelection).toBeNull();
    store.getState().proposeSelection(cell(3, 4));
    expect(store.getState().pressedSelection).toBeNull();
    const answer = ahead.send(store.getState());
    expect(asked).toHaveLength(1);
    asked[0]!.answer.resolve('pixel 3,4');
    await expect(answer).resolves.toBe('pixel 3,4');
  });

  it('a press that becomes a drag asks for the rectangle at its release', () => {
    const { store, asked, ahead } = setup();
    store.getState().pressSelection(cell(3, 4));
    store.getState().proposeSelection({ row0: 3, col0: 4, row1: 5, col1: 6 });
    void ahead.send(store.getState());
    expect(asked).toHaveLength(2);
    expect(asked[1]!.key).toBe(`1|${[88, 89, 90, 116, 117, 118, 144, 145, 146].join(',')}|p`);
    // The pixel's answer is forgotten: a later click on it asks again.
    store.getState().proposeSelection(cell(3, 4));
    void ahead.send(store.getState());
    expect(asked).toHaveLength(3);
  });

  it('asks nothing for a press on the pixel on screen, or for a second press on one pixel', () => {
    const { store, asked } = setup();
    store.getState().pressSelection(cell(10, 10));
    expect(asked).toHaveLength(0);
    store.getState().pressSelection(cell(3, 4));
    store.getState().pressSelection(null);
    store.getState().pressSelection(cell(3, 4));
    expect(asked).toHaveLength(1);
  });

  it('does not hand a failed (superseded, crashed) answer to the release', async () => {
    const { store, asked, ahead } = setup();
    store.getState().pressSelection(cell(3, 4));
    asked[0]!.answer.reject(new Error('superseded'));
    await settle();
    store.getState().proposeSelection(cell(3, 4));
    void ahead.send(store.getState());
    expect(asked).toHaveLength(2);
  });

  it('asks nothing once stopped', () => {
    const { store, asked, ahead } = setup();
    ahead.stop();
    store.getState().pressSelection(cell(3, 4));
    expect(asked).toHaveLength(0);
  });
});

describe("asking ahead on B's picker (compare mode)", () => {
  it("asks for B's pressed pixel, and B's release takes that answer", async () => {
    const store = createAppStore(
      initialData(parseUrlState('?compare=pixels&px=14,9&bpx=10,12&class=7').state),
    );
    store.setState({ image: { version: 1, pixels: new Float32Array(784) } } as Partial<AppState>);
    const asked: Array<{ key: string | null; answer: ReturnType<typeof deferred<string>> }> = [];
    const ahead = createPressAhead(
      store,
      compareRequestKey,
      (state) => {
        const answer = deferred<string>();
        asked.push({ key: compareRequestKey(state), answer });
        return answer.promise;
      },
      COMPARE_PRESS,
    );
    // A press on A's input is not B's.
    store.getState().pressSelection(cell(3, 4));
    expect(asked).toHaveLength(0);
    store.getState().pressCompareSelection(cell(3, 4));
    expect(asked.map((a) => a.key)).toEqual([`a1|${3 * 28 + 4}|7`]);
    expect(store.getState().compare.selection?.region).toEqual(cell(10, 12));
    store.getState().proposeCompareSelection(cell(3, 4));
    expect(store.getState().compare.pressedSelection).toBeNull();
    const answer = ahead.send(store.getState());
    expect(asked).toHaveLength(1);
    asked[0]!.answer.resolve('B at 3,4');
    await expect(answer).resolves.toBe('B at 3,4');
  });
});
