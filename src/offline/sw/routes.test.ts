import { describe, expect, it } from 'vitest';
import { NAVIGATION_TIMEOUT_MS, PrecacheIndex } from './routes';

const BASE = 'https://host.example/project/';
const index = new PrecacheIndex(BASE, [
  'index.html',
  'assets/index-abc.js',
  'assets/tfjs-backend-wasm-simd-x.wasm',
  'models/mnist/model.json',
  'samples/mnist.bin',
]);
const get = (url: string, mode = 'cors') => index.route({ url, method: 'GET', mode });

describe('PrecacheIndex', () => {
  it('lists absolute URLs under the sub-path', () => {
    expect(index.urls()).toContain('https://host.example/project/assets/index-abc.js');
    expect(index.urls()).toContain('https://host.example/project/index.html');
  });

  it('serves hashed assets cache-first', () => {
    expect(get(`${BASE}assets/index-abc.js`)).toEqual({
      strategy: 'cache-first',
      cacheKey: `${BASE}assets/index-abc.js`,
      timeoutMs: null,
    });
  });

  it('serves models and samples network-first, ignoring the query string', () => {
    expect(get(`${BASE}models/mnist/model.json?v=2`)).toEqual({
      strategy: 'network-first',
      cacheKey: `${BASE}models/mnist/model.json`,
      timeoutMs: null,
    });
    expect(get(`${BASE}samples/mnist.bin`)?.strategy).toBe('network-first');
  });

  it('answers page loads of the folder, with any link state, from index.html', () => {
    for (const url of [BASE, `${BASE}?model=fashion&sample=3`, `${BASE}index.html`]) {
      expect(get(url, 'navigate')).toEqual({
        strategy: 'network-first',
        cacheKey: `${BASE}index.html`,
        timeoutMs: NAVIGATION_TIMEOUT_MS,
      });
    }
  });

  it('leaves everything else to the browser', () => {
    expect(get('https://cdn.example/project/assets/index-abc.js')).toBeNull();
    expect(get('https://host.example/other/assets/index-abc.js')).toBeNull();
    expect(get('https://host.example/assets/index-abc.js')).toBeNull();
    expect(get(`${BASE}models/mine/model.json`)).toBeNull();
    expect(get(`${BASE}sw.js`)).toBeNull();
    expect(get(`${BASE}other-page`, 'navigate')).toBeNull();
    expect(index.route({ url: `${BASE}index.html`, method: 'POST', mode: 'cors' })).toBeNull();
  });
});
