// The page's half of cross-origin isolation on static hosts (docs/hosting.md, "Cross-origin
// isolation"): the service worker adds the headers to everything it serves (sw/isolation.ts), but
// the first visit was served by the host, before the worker existed, so it is not isolated. Once
// the worker is active, such a page reloads ONCE, and the reload, served by the worker, is
// isolated. Only when that gains something and loses nothing:
// - the page is not isolated, is the top-level page (an embedded page is never isolated by its own
//   headers), and was not already served by a service worker (one that is active but did not
//   isolate it is an older build's, which adds no headers: reloading would not help);
// - isolation would give the WASM backend more than one thread (planWasmThreads: on 2 cores, or
//   with ?threads=1, it would not, and the reload would only cost the visitor a second start);
// - the visitor has not touched the page yet (no pointer or key press since it loaded): a reload
//   must never interrupt someone who is drawing or clicking; their next visit is isolated;
// - it has not reloaded for this before in this tab (sessionStorage): never a reload loop, even
//   where a browser ignores the headers. Without sessionStorage it does not reload at all.

import { wasmThreadsFromLink } from '../app/session/backend-init';
import { planWasmThreads } from '../model/wasm-threads';

/** The sessionStorage key that says this tab already reloaded once for isolation. */
export const ISOLATION_RELOAD_KEY = 'pathway-lens:isolation-reload';

export interface IsolationReloadEnv {
  crossOriginIsolated: boolean;
  /** The page is the top-level browsing context (not in an iframe). */
  topLevel: boolean;
  /** A service worker served this page (navigator.serviceWorker.controller at load). */
  controlledAtLoad: boolean;
  /** Isolation would start the threaded WASM backend (more than one thread). */
  wouldThread: boolean;
  /** The visitor has pressed a pointer or a key on the page since it loaded. */
  interacted: () => boolean;
  /** sessionStorage, or null where it is unavailable (then no reload). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  reload: () => void;
}

/** Why the page stays as it is, or null when it should reload for isolation. */
export function isolationReloadBlocker(env: IsolationReloadEnv): string | null {
  if (env.crossOriginIsolated) return 'already isolated';
  if (!env.topLevel) return 'embedded in another page';
  if (env.controlledAtLoad) return 'served by a service worker that does not isolate it';
  if (!env.wouldThread) return 'isolation would not add WASM threads';
  if (env.interacted()) return 'the visitor is using the page';
  if (!env.storage) return 'no sessionStorage to guard against a reload loop';
  try {
    if (env.storage.getItem(ISOLATION_RELOAD_KEY) !== null) return 'already reloaded once';
  } catch {
    return 'no sessionStorage to guard against a reload loop';
  }
  return null;
}

/** Reloads the page once for isolation when nothing blocks it; returns whether it did. */
export function reloadOnceForIsolation(env: IsolationReloadEnv): boolean {
  if (isolationReloadBlocker(env) !== null) return false;
  try {
    // The guard first: if it cannot be written, a reload could repeat, so there is none.
    env.storage!.setItem(ISOLATION_RELOAD_KEY, String(Date.now()));
  } catch {
    return false;
  }
  env.reload();
  return true;
}

/**
 * The browser's environment, read when the worker becomes active; call once at start-up (before
 * the visitor can touch the page) so that the controller and the first interaction are seen.
 */
export function browserIsolationReload(): () => boolean {
  const controlledAtLoad = navigator.serviceWorker?.controller != null;
  let touched = false;
  const touch = () => (touched = true);
  for (const type of ['pointerdown', 'keydown'] as const) {
    window.addEventListener(type, touch, { capture: true, once: true, passive: true });
  }
  return () =>
    reloadOnceForIsolation({
      crossOriginIsolated: window.crossOriginIsolated === true,
      topLevel: window.top === window.self,
      controlledAtLoad,
      wouldThread: planWasmThreads(wasmThreadsFromLink(location.search), {
        crossOriginIsolated: true,
        sharedArrayBuffer: true,
        hardwareConcurrency: navigator.hardwareConcurrency,
      }).threaded,
      interacted: () => touched,
      storage: sessionStorageOrNull(),
      reload: () => location.reload(),
    });
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage disabled (some privacy settings throw on access).
    return null;
  }
}
