import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../model/summary-types';
import type { PixelQueryResult } from '../pathways/types';
import { encodeCompareImage } from './compare-image-code';
import { compareImageLinkCode } from './compare-link-code';
import { compareSwapBlocker } from './compare-store';
import {
  compareClassA,
  compareClassB,
  compareImagePixels,
  comparePixels,
} from './selectors-compare';
import { createAppStore, initialData } from './store';
import { parseUrlState } from './url';

const MNIST = { height: 28, width: 28, channels: 1 };
const RGB = { height: 32, width: 32, channels: 3 };

/** A loaded model of this input geometry (what the worker's summary tells the store). */
function modelOf(shape: typeof MNIST): ModelSummary {
  return { inputShape: [shape.height, shape.width, shape.channels] } as ModelSummary;
}

function storeFor(search: string) {
  return createAppStore(initialData(parseUrlState(search).state));
}

describe('the compare slice follows the model’s input', () => {
  it("reads B's region on the current input, and drops it where it no longer fits", () => {
    const store = storeFor('?compare=pixels&px=3,3&bpx=27,27');
    const s = store.getState();
    // 28 wide: row 27, col 27 is pixel 27·28 + 27.
    expect(comparePixels(s)).toEqual([27 * 28 + 27]);
    store.getState().patchModel({ summary: modelOf({ height: 20, width: 20, channels: 1 }) });
    // Before the session reacts, the selector already refuses a region off the new image…
    expect(comparePixels(store.getState())).toBeNull();
    // …and the session's reaction drops it from the store (and so from the link).
    store.getState().compareInputChanged();
    expect(store.getState().compare.selection).toBeNull();
  });

  it("re-reads B's pixel indices for another width", () => {
    const store = storeFor('?compare=pixels&px=3,3&bpx=2,5');
    store.getState().patchModel({ summary: modelOf(RGB) });
    expect(comparePixels(store.getState())).toEqual([2 * 32 + 5]);
    store.getState().compareInputChanged();
    expect(store.getState().compare.selection?.pixels).toEqual([2 * 32 + 5]);
  });

  it("keeps B's image from a link in its own geometry until the model says whether it fits", () => {
    const pixels = new Float32Array(32 * 32 * 3).fill(0.5);
    const code = encodeCompareImage({ kind: 'variant', variant: 'attacked', shape: RGB, pixels });
    // A link to the user's own model: its input is not known at boot.
    const store = storeFor(`?localModel=0123456789abcdef&compare=images&bimg=${code}`);
    expect(store.getState().compare.image?.shape).toEqual(RGB);
    // The app still assumes 28×28 grey: B's image is not B (no query for it).
    expect(compareImagePixels(store.getState())).toBeNull();
    store.getState().patchModel({ summary: modelOf(RGB) });
    expect(compareImagePixels(store.getState())).toEqual(pixels);
    expect(compareImageLinkCode(store.getState().compare)).toBe(code);
    // A model of another size: B's image is dropped.
    store.getState().patchModel({ summary: modelOf(MNIST) });
    store.getState().compareInputChanged();
    expect(store.getState().compare.image).toBeNull();
    expect(compareImageLinkCode(store.getState().compare)).toBeNull();
  });

  it('refuses an image of another size as B', () => {
    const store = createAppStore();
    expect(() =>
      store.getState().setCompareImage(new Float32Array(10), { kind: 'variant', variant: 'drawn' }),
    ).toThrow(/does not fit the model's 28×28×1 input/);
  });
});

describe('Swap A and B', () => {
  it('trades the two pixels', () => {
    const store = storeFor('?compare=pixels&px=14,9&bpx=10,12');
    expect(compareSwapBlocker(store.getState())).toBeNull();
    store.getState().swapCompareSides();
    const s = store.getState();
    expect(s.selection?.region).toEqual({ row0: 10, col0: 12, row1: 10, col1: 12 });
    expect(s.compare.selection?.region).toEqual({ row0: 14, col0: 9, row1: 14, col1: 9 });
    expect(comparePixels(s)).toEqual([14 * 28 + 9]);
  });

  it('trades the two classes: A’s becomes the chosen class', () => {
    const store = storeFor('?compare=classes&px=14,9&class=2&bclass=7');
    store.getState().swapCompareSides();
    const s = store.getState();
    expect(s.targetClass).toBe(7);
    expect(s.compare.classIndex).toBe(2);
    expect(compareClassA(s)).toBe(7);
    expect(compareClassB(s)).toBe(2);
  });

  it('says why it cannot: a missing pixel, or a B image the link would change as A', () => {
    expect(compareSwapBlocker(storeFor('?compare=pixels').getState())).toBe(
      'Pick both pixels first.',
    );
    const store = createAppStore();
    store.getState().setImage(new Float32Array(784), { kind: 'drawn' });
    store.getState().setCompareKind('images');
    // 1/255 is not one of the `img` code's 16 levels: as A it would come back as 0.
    const faint = new Float32Array(784).fill(1 / 255);
    store.getState().setCompareImage(faint, { kind: 'variant', variant: 'occluded' });
    expect(compareSwapBlocker(store.getState())).toMatch(/^The occluded image cannot be A/);
    const before = store.getState().image;
    store.getState().swapCompareSides();
    expect(store.getState().image).toBe(before);
    // A drawn image (16 levels) can: A reads it, B keeps A's pixels.
    const drawn = new Float32Array(784).fill(1 / 15);
    store.getState().setCompareImage(drawn, { kind: 'variant', variant: 'drawn' });
    expect(compareSwapBlocker(store.getState())).toBeNull();
    store.getState().swapCompareSides();
    expect(store.getState().image?.pixels).toEqual(drawn);
    expect(store.getState().compare.image?.pixels).toEqual(new Float32Array(784));
    expect(store.getState().compare.image?.source).toEqual({ kind: 'variant', variant: 'drawn' });
  });
});

describe("B's answer asked at the press", () => {
  const cell = (row: number, col: number) => ({ row0: row, col0: col, row1: row, col1: col });
  const answer = (label: string) => ({ label }) as unknown as PixelQueryResult;

  it('is kept for laying out until it is drawn with its pick, in one store update', () => {
    const store = storeFor('?compare=pixels&px=14,9&bpx=10,12');
    const early = answer('B at 3,4');
    store.getState().pressCompareSelection(cell(3, 4));
    store.getState().setComparePathwaysAhead(early);
    expect(store.getState().compare.pathwaysAhead).toBe(early);
    store.getState().proposeCompareSelection(cell(3, 4));
    const pending = store.getState().compare.pendingSelection;
    // Another answer (e.g. a refresh's) leaves it: it is still to be drawn.
    store.getState().answerComparePathways({ status: 'ready', result: answer('other') }, null);
    expect(store.getState().compare.pathwaysAhead).toBe(early);
    let updates = 0;
    const stop = store.subscribe(() => (updates += 1));
    store.getState().answerComparePathways({ status: 'ready', result: early }, pending);
    stop();
    const c = store.getState().compare;
    expect(updates).toBe(1);
    expect(c.pathways.result).toBe(early);
    expect(c.selection?.region).toEqual(cell(3, 4));
    expect(c.pathwaysAhead).toBeNull();
  });

  it('is dropped with a pick made on another input', () => {
    const store = storeFor('?compare=pixels&px=14,9&bpx=10,12');
    store.getState().pressCompareSelection(cell(3, 4));
    store.getState().setComparePathwaysAhead(answer('B at 3,4'));
    store.setState({ input: RGB });
    store.getState().compareInputChanged();
    expect(store.getState().compare.pathwaysAhead).toBeNull();
    expect(store.getState().compare.pressedSelection).toBeNull();
  });
});
