import { describe, expect, it, vi } from 'vitest';
import {
  ISOLATION_RELOAD_KEY,
  isolationReloadBlocker,
  reloadOnceForIsolation,
  type IsolationReloadEnv,
} from './isolation-reload';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A first visit on a 4-core machine, on a host without isolation headers, untouched. */
function firstVisit(overrides: Partial<IsolationReloadEnv> = {}) {
  const reload = vi.fn();
  const env: IsolationReloadEnv = {
    crossOriginIsolated: false,
    topLevel: true,
    controlledAtLoad: false,
    wouldThread: true,
    interacted: () => false,
    storage: memoryStorage(),
    reload,
    ...overrides,
  };
  return { env, reload };
}

describe('reloadOnceForIsolation', () => {
  it('reloads a first visit once, and never again in the same tab', () => {
    const { env, reload } = firstVisit();
    expect(reloadOnceForIsolation(env)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(env.storage?.getItem(ISOLATION_RELOAD_KEY)).not.toBeNull();
    // The reloaded page is still not isolated (a browser that ignores the headers): no loop.
    expect(reloadOnceForIsolation(env)).toBe(false);
    expect(isolationReloadBlocker(env)).toBe('already reloaded once');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not reload when nothing would be gained or something would be lost', () => {
    const cases: Array<[Partial<IsolationReloadEnv>, string]> = [
      [{ crossOriginIsolated: true }, 'already isolated'],
      [{ topLevel: false }, 'embedded in another page'],
      [{ controlledAtLoad: true }, 'served by a service worker that does not isolate it'],
      [{ wouldThread: false }, 'isolation would not add WASM threads'],
      [{ interacted: () => true }, 'the visitor is using the page'],
      [{ storage: null }, 'no sessionStorage to guard against a reload loop'],
    ];
    for (const [overrides, reason] of cases) {
      const { env, reload } = firstVisit(overrides);
      expect(isolationReloadBlocker(env)).toBe(reason);
      expect(reloadOnceForIsolation(env)).toBe(false);
      expect(reload).not.toHaveBeenCalled();
    }
  });

  it('does not reload when the guard cannot be read or written', () => {
    const unreadable = firstVisit({
      storage: {
        getItem: () => {
          throw new Error('SecurityError');
        },
        setItem: () => undefined,
      },
    });
    expect(reloadOnceForIsolation(unreadable.env)).toBe(false);
    const unwritable = firstVisit({
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      },
    });
    expect(reloadOnceForIsolation(unwritable.env)).toBe(false);
    expect(unreadable.reload).not.toHaveBeenCalled();
    expect(unwritable.reload).not.toHaveBeenCalled();
  });
});
