// The view's data before the first render (view-data.ts): the gallery and the precomputed example
// are in the store, with a pixel selected, once startViewData settles; a data file that hangs
// does not hold the first render past its wait; the session does not load them a second time.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { selectPathwaysOrigin } from '../../state/selectors-view';
import { createAppStore } from '../../state/store';
import { GALLERY_TIMEOUT_MS } from './samples-loader';
import { startViewData, viewDataOrTimeout } from './view-data';

const SITE = 'http://localhost/app/';
const FILES: Record<string, () => Response> = {
  'samples/mnist.json': () => new Response(readFileSync('public/samples/mnist.json', 'utf8')),
  'samples/mnist.bin': () => new Response(readFileSync('public/samples/mnist.bin')),
  'precomputed/mnist-default.json': () =>
    new Response(readFileSync('public/precomputed/mnist-default.json', 'utf8')),
};

function serve(hang: readonly string[] = []) {
  const fetch = vi.fn((url: string) => {
    const path = url.slice(SITE.length);
    if (hang.includes(path)) return new Promise<Response>(() => undefined);
    return Promise.resolve(FILES[path]?.() ?? new Response('', { status: 404 }));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

beforeEach(() => {
  vi.stubGlobal('document', { baseURI: SITE });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the view data before the first render', () => {
  it('settles with the gallery, the default sample, a selected pixel and the precomputed example', async () => {
    serve();
    const store = createAppStore();
    await startViewData(store);
    const s = store.getState();
    expect(s.samples.status).toBe('ready');
    expect(s.image?.source).toEqual({ kind: 'sample', index: expect.any(Number) });
    expect(s.selection?.pixels.length).toBeGreaterThan(0);
    // What the Sankey panel of the first render shows: the example, not an empty frame.
    expect(selectPathwaysOrigin(s)).toBe('precomputed');
  });

  it('is started once per store: the session calling it again fetches nothing more', async () => {
    const fetch = serve();
    const store = createAppStore();
    const first = startViewData(store);
    expect(startViewData(store)).toBe(first);
    await first;
    expect(fetch.mock.calls.map(([url]) => url).sort()).toEqual(
      Object.keys(FILES)
        .map((path) => SITE + path)
        .sort(),
    );
  });

  it('does not hold the first render past its wait when a file never arrives', async () => {
    serve(['precomputed/mnist-default.json']);
    const store = createAppStore();
    const started = Date.now();
    await viewDataOrTimeout(store, 40);
    expect(Date.now() - started).toBeLessThan(1000);
    // The gallery came; the example is drawn whenever it arrives (here: never).
    expect(store.getState().samples.status).toBe('ready');
    expect(selectPathwaysOrigin(store.getState())).not.toBe('precomputed');
  });

  it('settles when a file fails, with the failure in the store', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('', { status: 404 }))),
    );
    const store = createAppStore();
    await startViewData(store);
    expect(store.getState().samples.status).toBe('error');
    expect(store.getState().notices.map((n) => n.id)).toContain('precomputed');
  });

  it('gives up on a gallery that never arrives, says so and offers the brush', async () => {
    vi.useFakeTimers();
    try {
      serve(['samples/mnist.bin']);
      const store = createAppStore();
      const settled = startViewData(store);
      await vi.advanceTimersByTimeAsync(GALLERY_TIMEOUT_MS - 1);
      expect(store.getState().samples.status).toBe('loading');
      await vi.advanceTimersByTimeAsync(1);
      await settled;
      const s = store.getState();
      expect(s.samples.status).toBe('error');
      expect(s.samples.error).toMatch(
        /could not be loaded\. The server did not send it within 60 s/,
      );
      expect(s.inputMode).toBe('draw');
    } finally {
      vi.useRealTimers();
    }
  });
});
