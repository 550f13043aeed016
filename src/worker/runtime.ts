// The browser runtime: handlers wired to the real backends and the HTTP model loader. Imported by
// the worker and, lazily, by the main-thread fallback (so tfjs stays out of the main chunk). Its
// init also settles the WASM backend's threads first and reports them (BackendInfo.wasm).
import {
  browserBackendEnv,
  configureWasmThreads,
  wasmThreadsReport,
} from '../model/backend-browser';
import { httpLabelsLoader, httpModelLoader } from '../model/load';
import { disposeEngineState, emptyEngineState } from './engine-state';
import type { Handlers } from './handler-types';
import { createHandlers } from './handlers';

export function createBrowserRuntime(): { handlers: Handlers; dispose(): void } {
  const state = emptyEngineState();
  const handlers = createHandlers(
    { backendEnv: browserBackendEnv, loader: httpModelLoader, labelsLoader: httpLabelsLoader },
    state,
  );
  const init = handlers.init;
  handlers.init = async (params, ctx) => {
    configureWasmThreads(params.wasmThreads ?? 'auto');
    const info = await init(params, ctx);
    if (info.name !== 'wasm') return info;
    info.wasm = wasmThreadsReport();
    return info;
  };
  return { handlers, dispose: () => disposeEngineState(state) };
}
