import { describe, expect, it } from 'vitest';
import { parseSampleSet } from '../model/samples';
import { createAppStore, initialData, LINK_NOTICE_ID, reportLinkProblems } from './store';
import { parseUrlState } from './url';
import { linkImageFits, toUrlState } from './url-sync';
import { encodeImage } from '../lib/image-codec';
import type { ModelSummary } from '../model/summary-types';

/** A loaded model of this input geometry (what the worker's summary tells the store). */
function modelOfShape(shape: [number, number, number]): ModelSummary {
  return { inputShape: shape } as ModelSummary;
}

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
    store.getState().patchModel({ summary: modelOfShape([1, 2, 1]) });
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
    store.getState().setImage(new Float32Array(784), { kind: 'drawn' });
    const v1 = store.getState().image?.version ?? 0;
    store.getState().setImage(new Float32Array(784), { kind: 'drawn' });
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

  it('refuses a link image of another size for a built-in model, and waits for an own model', () => {
    // A complete 4×4 image code: the URL table refuses it for the 28×28 built-in models.
    expect(parseUrlState('?img=AQQEAPA').problems.map((p) => p.key)).toEqual(['img']);
    // With the user's own model the size is unknown until it loads: the image is kept.
    const own = parseUrlState('?modelUrl=models/x/model.json&img=AQQEAPA');
    expect(own.problems).toEqual([]);
    expect(initialData(own.state).image?.shape).toEqual({ height: 4, width: 4, channels: 1 });
  });

  it('replaces the image and refits the selection when a model of another input loads', () => {
    const store = createAppStore();
    store.getState().setImage(new Float32Array(784).fill(0.5), { kind: 'drawn' });
    store.getState().select({ row0: 20, col0: 20, row1: 20, col1: 20 });
    store.getState().patchModel({ summary: modelOfShape([32, 32, 3]) });
    const s = store.getState();
    expect(s.input).toEqual({ height: 32, width: 32, channels: 3 });
    expect(s.image?.shape).toEqual(s.input);
    expect(s.image?.pixels).toHaveLength(32 * 32 * 3);
    expect(s.selection?.pixels).toEqual([20 * 32 + 20]);
    store.getState().patchModel({ summary: modelOfShape([16, 16, 1]) });
    expect(store.getState().selection).toBeNull();
  });

  it('leaves an image too detailed for a link out of it, and says so', () => {
    const store = createAppStore();
    store.getState().patchModel({ summary: modelOfShape([128, 128, 3]) });
    // Noise: no runs of zeros to compress, 49,152 values → far over the 8,192-character cap.
    const noise = new Float32Array(128 * 128 * 3).map((_, i) => ((i * 7919) % 15) / 15 + 1 / 15);
    store.getState().setImage(noise, { kind: 'uploaded', name: 'photo.png' });
    expect(toUrlState(store.getState()).img).toBeNull();
    expect(linkImageFits(store.getState().image)).toBe(false);
    store.getState().setImage(new Float32Array(128 * 128 * 3), { kind: 'drawn' });
    expect(linkImageFits(store.getState().image)).toBe(true);
  });

  it('encodes an RGB image into the link and back', () => {
    const store = createAppStore();
    store.getState().patchModel({ summary: modelOfShape([8, 8, 3]) });
    const pixels = new Float32Array(8 * 8 * 3).map((_, i) => (i % 16) / 15);
    store.getState().setImage(pixels, { kind: 'drawn' });
    const code = toUrlState(store.getState()).img;
    expect(code).toBe(encodeImage(pixels, 8, 8, 3));
    const reopened = initialData(parseUrlState(`?modelUrl=m/model.json&img=${code}`).state);
    expect([...(reopened.image?.pixels ?? [])]).toEqual([...pixels]);
  });

  it('choosing a built-in model drops the custom model URL', () => {
    const store = createAppStore(initialData(parseUrlState('?modelUrl=models/x/model.json').state));
    store.getState().selectModel('mnist');
    expect(store.getState().customModelUrl).toBeNull();
  });
});
