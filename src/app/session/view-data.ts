// The opened view's own data, the gallery and the precomputed example, asked for before React's
// first render (src/main.tsx) instead of from the session's effect after it. Their files are
// preloaded while the scripts download (public/preload-view.js), so they are usually in memory by
// the time the app's code runs: waiting for them a moment lets the first render draw the example's
// Sankey at once, rather than an empty page that a second render of every panel fills
// (docs/benchmarks.md, "Speed, seventh pass").
import type { AppStore } from '../../state/store';
import { startPrecomputed } from './precomputed';
import { startSamplesLoader } from './samples-loader';
import { startViewGuard } from './view-guard';

/**
 * How long the first render waits for that data at most: on a slow network the page is drawn
 * without it, and it is drawn when it arrives (the session's path before this change).
 */
export const FIRST_RENDER_WAIT_MS = 250;

const started = new WeakMap<AppStore, Promise<void>>();

/**
 * Starts the view guard (it picks the default pixel once an image is shown), the precomputed
 * example and the gallery, once per store; settles when both are in the store or have failed
 * (never rejects). The session calls it too, so a page rendered without waiting still loads them.
 */
export function startViewData(store: AppStore): Promise<void> {
  const running = started.get(store);
  if (running) return running;
  startViewGuard(store);
  const loaded = Promise.all([startPrecomputed(store), startSamplesLoader(store).first]).then(
    () => undefined,
  );
  started.set(store, loaded);
  return loaded;
}

/** The view's data, or `waitMs` passing, whichever comes first. */
export function viewDataOrTimeout(
  store: AppStore,
  waitMs: number = FIRST_RENDER_WAIT_MS,
): Promise<void> {
  return Promise.race([
    startViewData(store),
    new Promise<void>((resolve) => setTimeout(resolve, waitMs)),
  ]);
}
