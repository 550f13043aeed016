import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState } from './url';

describe('URL state', () => {
  it('parses every field of a good link', () => {
    const { state, problems } = parseUrlState(
      '?model=fashion&sample=12&backend=webgpu&modelUrl=models/mine/model.json',
    );
    expect(state).toEqual({
      model: 'fashion',
      sample: 12,
      backend: 'webgpu',
      modelUrl: 'models/mine/model.json',
    });
    expect(problems).toEqual([]);
  });

  it('falls back to defaults, one notice per bad value', () => {
    const { state, problems } = parseUrlState(
      '?model=%3Cscript%3E&sample=-1&backend=quantum&modelUrl=https://evil.example/m.json',
    );
    expect(state).toEqual(defaultUrlState());
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe(
      'The link\'s model value "<script>" was ignored (expected mnist or fashion).',
    );
  });

  it('clips long hostile values in notices', () => {
    const { problems } = parseUrlState(`?model=${'x'.repeat(500)}`);
    expect(problems[0]?.length).toBeLessThan(150);
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
});
