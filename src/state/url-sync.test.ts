import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalysesStore } from './analyses-store';
import { createAppStore, initialData } from './store';
import { parseUrlState } from './url';
import { flushUrlSync, startUrlSync } from './url-sync';

/** A minimal address bar: location and history.replaceState, as url-sync.ts uses them. */
function fakeAddressBar(search: string) {
  const location = { pathname: '/app/', search, hash: '#h' };
  const writes: string[] = [];
  const history = {
    state: null,
    replaceState(_state: unknown, _title: string, url: string) {
      writes.push(url);
      const q = url.indexOf('?');
      const h = url.indexOf('#');
      location.search = q < 0 ? '' : url.slice(q, h < 0 ? undefined : h);
    },
  };
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('addEventListener', () => {});
  vi.stubGlobal('removeEventListener', () => {});
  return { location, writes };
}

describe('the one URL writer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('mirrors the app store and the analyses store, debounced, keeping unknown parameters', () => {
    const bar = fakeAddressBar('?keep=1&tgt=99&class=12');
    const app = createAppStore(initialData(parseUrlState('?class=3').state));
    const analyses = createAnalysesStore();
    const stop = startUrlSync(app, analyses);
    // At once: the stores' values replace the link's (here, the refused tgt and class).
    expect(bar.location.search).toBe('?keep=1&class=3&model=mnist');
    analyses.getState().open('attack');
    analyses.getState().setAttackTarget(4);
    app.getState().setTargetClass(5);
    expect(bar.location.search).toBe('?keep=1&class=3&model=mnist');
    vi.advanceTimersByTime(200);
    expect(bar.location.search).toBe('?keep=1&class=5&model=mnist&an=attack&tgt=4');
    expect(bar.location.hash).toBe('#h');
    expect(bar.writes).toHaveLength(2);
    stop();
  });

  it('writes a pending change at once on flushUrlSync', () => {
    const bar = fakeAddressBar('');
    const app = createAppStore();
    const analyses = createAnalysesStore();
    const stop = startUrlSync(app, analyses);
    analyses.getState().setEpsilon(0.2);
    flushUrlSync();
    expect(bar.location.search).toBe('?model=mnist&eps=0.2');
    stop();
  });
});
