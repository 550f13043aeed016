import { describe, expect, it } from 'vitest';
import { parseSampleSet } from '../model/samples';
import { createAppStore, initialData, LINK_NOTICE_ID, reportLinkProblems } from './store';
import { parseUrlState } from './url';
import { toUrlState } from './url-sync';

const set = parseSampleSet(
  { count: 2, height: 1, width: 2, classNames: ['a', 'b'], labels: [0, 1] },
  new Uint8Array([0, 255, 255, 0]).buffer,
);

describe('app store', () => {
  it('starts from the link', () => {
    const store = createAppStore(initialData(parseUrlState('?model=fashion&sample=1').state));
    expect(store.getState()).toMatchObject({ modelId: 'fashion', pendingSample: 1, image: null });
  });

  it('remembers a sample picked before the gallery loaded, then shows it', () => {
    const store = createAppStore();
    store.getState().selectSample(1);
    expect(store.getState().pendingSample).toBe(1);
    store.getState().patchSamples({ status: 'ready', set });
    store.getState().selectSample(1);
    const { image, pendingSample } = store.getState();
    expect(pendingSample).toBeNull();
    expect(image?.source).toEqual({ kind: 'sample', index: 1 });
    expect([...(image?.pixels ?? [])]).toEqual([1, 0]);
  });

  it('gives every image a new version', () => {
    const store = createAppStore();
    store.getState().setImage(new Float32Array(2), { kind: 'drawn' });
    const v1 = store.getState().image?.version ?? 0;
    store.getState().setImage(new Float32Array(2), { kind: 'drawn' });
    expect(store.getState().image?.version).toBeGreaterThan(v1);
    expect(toUrlState(store.getState()).sample).toBeNull();
  });

  it('replaces notices with the same id and keeps the list short', () => {
    const store = createAppStore();
    const { notify } = store.getState();
    notify({ id: 'a', level: 'info', text: 'one' });
    notify({ id: 'a', level: 'warning', text: 'two' });
    for (let i = 0; i < 10; i++) notify({ id: `n${i}`, level: 'info', text: String(i) });
    const notices = store.getState().notices;
    expect(notices.length).toBeLessThanOrEqual(6);
    expect(notices.filter((n) => n.id === 'a')).toHaveLength(0);
  });

  it('names every refused link value in one notice that other notices never push out', () => {
    const store = createAppStore();
    const { problems } = parseUrlState('?model=a&sample=b&backend=c&px=d&class=e&pin=f&step=g');
    expect(problems).toHaveLength(7);
    reportLinkProblems(store, problems.slice(0, 4));
    reportLinkProblems(store, problems.slice(4));
    for (let i = 0; i < 10; i++) store.getState().notify({ id: `n${i}`, level: 'info', text: '' });
    const notices = store.getState().notices;
    expect(notices).toHaveLength(6);
    expect(notices[0]?.id).toBe(LINK_NOTICE_ID);
    expect(notices[0]?.text).toBe(problems.map((p) => p.text).join(' '));
  });

  it('decodes a link image at the input size only', () => {
    // A complete 4×4 image code: the URL table refuses it (wrong size); so does the store.
    expect(parseUrlState('?img=AQQEAPA').problems.map((p) => p.key)).toEqual(['img']);
    expect(initialData({ ...parseUrlState('').state, img: 'AQQEAPA' }).image).toBeNull();
  });

  it('choosing a built-in model drops the custom model URL', () => {
    const store = createAppStore(initialData(parseUrlState('?modelUrl=models/x/model.json').state));
    store.getState().selectModel('mnist');
    expect(store.getState().customModelUrl).toBeNull();
  });
});
