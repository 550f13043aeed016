import { describe, expect, it } from 'vitest';
import { parseSampleSet } from '../../model/samples';
import { createAnalysesStore, initialAnalyses } from '../../state/analyses-store';
import { ANALYSES_URL_FIELDS } from '../../state/analyses-url';
import { createAppStore, initialData, LINK_NOTICE_ID, reportLinkProblems } from '../../state/store';
import { CHECKED_FIELDS, parseUrlState, pickFields } from '../../state/url';
import { toUrlState } from '../../state/url-sync';
import { LINK_RESETS, startViewGuard } from './view-guard';

// Two 28×28 samples: a short vertical stroke at column 14, and a blank one.
const bytes = new Uint8Array(2 * 784);
for (let r = 10; r < 16; r++) bytes[r * 28 + 14] = 255;
const set = parseSampleSet(
  { count: 3, height: 28, width: 28, classNames: ['a', 'b'], labels: [0, 1, 0] },
  new Uint8Array([...bytes, ...new Uint8Array(784)]).buffer,
);

/** The page's boot, as store.ts and analyses-store.ts do it, then the guard. */
function boot(search: string) {
  const { state, problems } = parseUrlState(search);
  const store = createAppStore(initialData(state));
  const analyses = createAnalysesStore(initialAnalyses(pickFields(state, ANALYSES_URL_FIELDS)));
  reportLinkProblems(store, problems);
  startViewGuard(store, analyses);
  return { store, analyses };
}

function start(search: string) {
  const { store } = boot(search);
  store.getState().patchSamples({ status: 'ready', set });
  return store;
}

const FORWARD = {
  input: { height: 28, width: 28, channels: 1 },
  layers: [
    { index: 0, name: 'conv1', kind: 'conv' as const, height: 28, width: 28, channels: 4 },
    { index: 1, name: 'logits', kind: 'logits' as const, height: 1, width: 1, channels: 2 },
  ],
  activations: [],
  relevance: new Float32Array(0),
  classCount: 2,
  probabilities: new Float32Array(2),
  prediction: 0,
};

const linkNotice = (store: ReturnType<typeof start>) =>
  store.getState().notices.find((n) => n.id === LINK_NOTICE_ID)?.text ?? '';

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

  it('replaces an out-of-range px, a class the model lacks and an unknown map, in one notice', () => {
    const store = start('?px=40,3&class=12&map=conv9:1&pin=conv9:1');
    store.getState().selectSample(0);
    const s = store.getState();
    expect((s.selection?.pixels[0] ?? -1) % 28).toBe(14);
    expect(s.targetClass).toBeNull();
    expect(linkNotice(store)).toBe(
      'The link\'s px value "40,3" was ignored (expected a pixel inside the 28×28 image (rows 0 to 27, columns 0 to 27)). ' +
        'The link\'s class value "12" was ignored (expected a class from 0 to 1).',
    );
    expect(s.pinnedMap).toBe('conv9:1');
    s.patchForward({ data: FORWARD });
    expect(store.getState().pinnedMap).toBeNull();
    expect(store.getState().pinned).toBeNull();
    const text = linkNotice(store);
    expect(text).toContain('class value "12"');
    expect(text).toContain('map value "conv9:1" was ignored (expected a feature map of this model');
    expect(text).toContain('pin value "conv9:1" was ignored');
    expect(store.getState().notices).toHaveLength(1);
    // The stores hold the defaults, so the link written from them has none of the bad values.
    expect(toUrlState(store.getState())).toMatchObject({
      px: { col0: 14, col1: 14 },
      targetClass: null,
      map: null,
      pinned: null,
    });
  });

  it("refuses the analyses' target class once the class count is known, in the analyses store", () => {
    const { store, analyses } = boot('?an=attack&atk=targeted&tgt=99&sample=0');
    expect(analyses.getState().attackTarget).toBe(99);
    store.getState().patchSamples({ status: 'ready', set });
    expect(analyses.getState().attackTarget).toBeNull();
    expect(analyses.getState().attackMode).toBe('targeted');
    expect(linkNotice(store)).toBe(
      'The link\'s tgt value "99" was ignored (expected a class from 0 to 1).',
    );
    expect(toUrlState(store.getState(), analyses.getState()).attackTarget).toBeNull();
  });

  it('refuses a playback step beyond the last column once the layers are known', () => {
    const store = start('?step=9');
    store.getState().selectSample(0);
    expect(store.getState().reveal).toBe(9); // undecided until the engine names the layers
    store.getState().patchForward({ data: FORWARD });
    expect(store.getState().reveal).toBeNull();
    expect(linkNotice(store)).toBe(
      `The link's step value "9" was ignored (expected a layer step from 1 to ${FORWARD.layers.length + 1}).`,
    );
    const ok = start('?step=2');
    ok.getState().selectSample(0);
    ok.getState().patchForward({ data: FORWARD });
    expect(ok.getState().reveal).toBe(2);
  });

  it('keeps valid pins and maps, and checks each value once', () => {
    const store = start('?map=conv1:3&pin=conv1:3&class=1');
    store.getState().selectSample(0);
    store.getState().patchForward({ data: FORWARD });
    expect(store.getState()).toMatchObject({ pinnedMap: 'conv1:3', pinned: 'conv1:3' });
    expect(store.getState().targetClass).toBe(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('names every bad value of a link in one notice, however many', () => {
    const store = start(
      '?model=x&backend=y&sample=z&px=1,1,0,0&prune=p&pool=q&dense=0&rank=r&step=0&mode=m&embed=e&hide=h&an=a&eps=9&atk=k&patch=1&shift=s&class=5&tgt=7',
    );
    const text = linkNotice(store);
    for (const key of ['model', 'backend', 'sample', 'px', 'prune', 'pool', 'dense', 'rank']) {
      expect(text).toContain(`The link's ${key} value`);
    }
    for (const key of ['step', 'mode', 'embed', 'hide', 'an', 'eps', 'atk', 'patch', 'shift']) {
      expect(text).toContain(`The link's ${key} value`);
    }
    expect(text).toContain(
      'The link\'s class value "5" was ignored (expected a class from 0 to 1).',
    );
    expect(text).toContain('The link\'s tgt value "7" was ignored (expected a class from 0 to 1).');
    expect(store.getState().notices).toHaveLength(1);
  });

  it('can put every field that is checked late back to its default', () => {
    for (const name of CHECKED_FIELDS) expect(LINK_RESETS[name]).toBeTypeOf('function');
  });
});
