import { describe, expect, it } from 'vitest';
import { parseSampleSet } from '../../model/samples';
import { createAppStore, initialData } from '../../state/store';
import { parseUrlState } from '../../state/url';
import { startViewGuard } from './view-guard';

// Two 28×28 samples: a short vertical stroke at column 14, and a blank one.
const bytes = new Uint8Array(2 * 784);
for (let r = 10; r < 16; r++) bytes[r * 28 + 14] = 255;
const set = parseSampleSet(
  { count: 3, height: 28, width: 28, classNames: ['a', 'b'], labels: [0, 1, 0] },
  new Uint8Array([...bytes, ...new Uint8Array(784)]).buffer,
);

function start(search: string) {
  const store = createAppStore(initialData(parseUrlState(search).state));
  startViewGuard(store);
  store.getState().patchSamples({ status: 'ready', set });
  return store;
}

describe('view guard', () => {
  it('selects an inked pixel of the first image when the link has none', () => {
    const store = start('');
    store.getState().selectSample(0);
    const p = store.getState().selection?.pixels[0] ?? -1;
    expect(p % 28).toBe(14);
    expect(set.pixels[p]).toBe(255);
  });

  it("keeps a link's background selection, but moves it when the user picks a new image", () => {
    const store = start('?px=0,0');
    store.getState().selectSample(0);
    expect(store.getState().selection?.pixels).toEqual([0]);
    store.getState().selectSample(2); // blank: nothing better to select
    expect(store.getState().selection?.pixels).toEqual([0]);
    store.getState().selectSample(0);
    expect((store.getState().selection?.pixels[0] ?? -1) % 28).toBe(14);
  });

  it('replaces an out-of-range px, a class the model lacks and an unknown map, with notices', () => {
    const store = start('?px=40,3&class=12&map=conv9:1&pin=conv9:1');
    store.getState().selectSample(0);
    const s = store.getState();
    expect((s.selection?.pixels[0] ?? -1) % 28).toBe(14);
    expect(s.targetClass).toBeNull();
    const text = s.notices.map((n) => n.text).join(' ');
    expect(text).toContain('px value "40,3" is outside the 28×28 image');
    expect(text).toContain('class value "12" was ignored');
    s.patchForward({
      data: {
        input: { height: 28, width: 28, channels: 1 },
        layers: [{ index: 0, name: 'conv1', kind: 'conv', height: 28, width: 28, channels: 4 }],
        activations: [],
        relevance: new Float32Array(0),
        classCount: 2,
        probabilities: new Float32Array(2),
        prediction: 0,
      },
    });
    expect(store.getState().pinnedMap).toBeNull();
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toContain('map value "conv9:1"');
  });
});
