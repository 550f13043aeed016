// Starts the worker's backend (the link's ?backend or the automatic choice) and reports it.
import { BACKEND_LABELS } from '../../model/backend-types';
import type { WasmThreadsRequest } from '../../model/wasm-threads';
import { LONG_STEP_STALL_MS, type WorkerClient } from '../../worker/client';
import type { AppStore } from '../../state/store';

const INIT_TIMEOUT_MS = 60_000;

/**
 * `?threads=N` (1–8) fixes the WASM backend's threads, e.g. `?threads=1` for the single-threaded
 * binary (benchmarks compare both in one run: scripts/bench-ui.ts); anything else is 'auto'.
 * A debug switch outside the link table (src/state/url-fields.ts): it is not part of the view.
 */
export function wasmThreadsFromLink(search: string): WasmThreadsRequest {
  const value = new URLSearchParams(search).get('threads');
  if (value === null || !/^[1-8]$/.test(value)) return 'auto';
  return Number(value);
}

export function startBackend(store: AppStore, client: WorkerClient): void {
  const { backend } = store.getState();
  const wasmThreads =
    typeof location === 'undefined' ? 'auto' : wasmThreadsFromLink(location.search);
  store.getState().patchBackend({ runsOnMainThread: client.runsOnMainThread });
  client
    .request(
      'init',
      { backend: backend.requested, wasmThreads },
      { channel: 'init', replay: true, timeoutMs: INIT_TIMEOUT_MS, stallMs: LONG_STEP_STALL_MS },
    )
    .then((info) => {
      const state = store.getState();
      state.patchBackend({ info, error: null, runsOnMainThread: client.runsOnMainThread });
      if (info.fallbackNotice) {
        state.notify({ id: 'backend-fallback', level: 'warning', text: info.fallbackNotice });
      }
    })
    .catch((error: Error) => {
      const state = store.getState();
      const requested =
        backend.requested === 'auto' ? 'any backend' : BACKEND_LABELS[backend.requested];
      state.patchBackend({ error: error.message });
      state.notify({
        id: 'backend-error',
        level: 'error',
        text: `TensorFlow.js could not start ${requested}: ${error.message}`,
      });
    });
}
