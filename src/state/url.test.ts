import { describe, expect, it } from 'vitest';
import { encodeImage } from '../lib/image-codec';
import { defaultUrlState, parseUrlState, serializeUrlState } from './url';

describe('URL state', () => {
  it('parses every field of a good link', () => {
    const { state, problems } = parseUrlState(
      '?model=fashion&sample=12&backend=webgpu&modelUrl=models/mine/model.json',
    );
    expect(state).toEqual({
      ...defaultUrlState(),
      model: 'fashion',
      sample: 12,
      backend: 'webgpu',
      modelUrl: 'models/mine/model.json',
    });
    expect(problems).toEqual([]);
  });

  it('falls back to defaults, one notice per bad value', () => {
    const { state, problems } = parseUrlState(
      '?model=%3Cscript%3E&sample=-1&backend=quantum&modelUrl=javascript:alert(1)',
    );
    expect(state).toEqual(defaultUrlState());
    expect(problems.map((p) => p.key)).toEqual(['model', 'sample', 'backend', 'modelUrl']);
    expect(problems[0]).toEqual({
      name: 'model',
      key: 'model',
      value: '<script>',
      text: 'The link\'s model value "<script>" was ignored (expected mnist or fashion).',
    });
  });

  it('clips long hostile values in notices', () => {
    const { problems } = parseUrlState(`?model=${'x'.repeat(500)}`);
    expect(problems[0]?.text.length).toBeLessThan(150);
  });

  it('round-trips and keeps parameters it does not know', () => {
    const state = { ...defaultUrlState(), sample: 7, backend: 'wasm' as const };
    const search = serializeUrlState(state, '?pixel=3,4&backend=cpu');
    expect(search).toBe('?pixel=3%2C4&backend=wasm&model=mnist&sample=7');
    expect(parseUrlState(search).state).toEqual(state);
  });

  it('leaves defaults that mean "automatic" out of the link', () => {
    expect(serializeUrlState(defaultUrlState())).toBe('?model=mnist');
  });

  it('parses the visualizer fields: selection, image, class, map and the Sankey settings', () => {
    const image = new Float32Array(784);
    image[300] = 1;
    const img = encodeImage(image, 28, 28);
    const { state, problems } = parseUrlState(
      `?px=3,4,5,6&img=${img}&class=7&map=conv2_1:5&prune=min0.02&pool=show&dense=12&rank=l1&pin=conv2_1:5&step=3`,
    );
    expect(problems).toEqual([]);
    expect(state).toMatchObject({
      px: { row0: 3, col0: 4, row1: 5, col1: 6 },
      img,
      targetClass: 7,
      map: 'conv2_1:5',
      prune: { mode: 'threshold', share: 0.02 },
      poolMode: 'show',
      denseTopN: 12,
      rankBy: 'l1',
      pinned: 'conv2_1:5',
      reveal: 3,
    });
    expect(parseUrlState(serializeUrlState(state)).state).toEqual(state);
  });

  it('rejects malformed selections, images, classes and maps with one notice each', () => {
    const { state, problems } = parseUrlState(
      '?px=9,9,1,1&img=AQwc%3Cb%3E&class=%3Cb%3Ex%3C/b%3E&map=conv1:other',
    );
    expect(state).toEqual(defaultUrlState());
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.text).join(' ')).toContain('"<b>x</b>"');
    // A well-formed code whose runs overflow its image is not an image either.
    expect(parseUrlState('?img=AQEBAP8').problems).toHaveLength(1);
  });
});
