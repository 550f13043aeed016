// How many threads the WASM backend gets. tfjs's threaded SIMD binary needs SharedArrayBuffer,
// which browsers only grant to cross-origin isolated pages (COOP same-origin + COEP require-corp:
// vite.config.ts for `npm start`, the service worker for static hosts; docs/hosting.md). Pure, so
// the decision is unit tested; backend-browser.ts applies it.

/**
 * `auto`: half the logical cores (taken as the physical ones, as tfjs itself does), at most
 * AUTO_MAX_WASM_THREADS; a number forces that many (at most MAX_WASM_THREADS). Half, because the
 * page's own thread and the compositor need a core too: on this project's 2-core machine two WASM
 * threads made the engine about 3× slower than one (docs/benchmarks.md, "UI: click to Sankey").
 */
export type WasmThreadsRequest = 'auto' | number;

export interface WasmThreadsEnv {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  hardwareConcurrency: number;
}

export interface WasmThreadsPlan {
  /** Load the threaded SIMD binary (else the single-threaded one). */
  threaded: boolean;
  /** Threads XNNPACK's pool is asked for (1 when not threaded). */
  threads: number;
  /** Why single-threaded, in words; null when threaded. */
  reason: string | null;
}

/** tfjs pre-starts 8 pthread workers; more threads than that are not available. */
export const MAX_WASM_THREADS = 8;
/** The automatic choice stops here (tfjs's own default cap): more stop paying off for models
 * this small. */
export const AUTO_MAX_WASM_THREADS = 4;

export function planWasmThreads(request: WasmThreadsRequest, env: WasmThreadsEnv): WasmThreadsPlan {
  if (request !== 'auto' && request <= 1) {
    return { threaded: false, threads: 1, reason: 'single thread requested' };
  }
  if (!env.crossOriginIsolated) {
    return { threaded: false, threads: 1, reason: 'the page is not cross-origin isolated' };
  }
  if (!env.sharedArrayBuffer) {
    return { threaded: false, threads: 1, reason: 'no SharedArrayBuffer' };
  }
  const cores = Math.max(1, Math.floor(env.hardwareConcurrency || 1));
  const threads =
    request === 'auto'
      ? Math.min(AUTO_MAX_WASM_THREADS, Math.floor(cores / 2))
      : Math.min(MAX_WASM_THREADS, Math.floor(request));
  if (threads <= 1) {
    const reason = `${cores} logical core${cores === 1 ? '' : 's'}: a second thread would compete with the page`;
    return { threaded: false, threads: 1, reason };
  }
  return { threaded: true, threads, reason: null };
}

/** The words after the backend's name on the badge, e.g. "4 threads". */
export function threadsLabel(threads: number): string {
  return threads === 1 ? '1 thread' : `${threads} threads`;
}
