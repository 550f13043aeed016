// The browser runtime: handlers wired to the real backends and the HTTP model loader. Imported by
// the worker and, lazily, by the main-thread fallback (so tfjs stays out of the main chunk).
import { browserBackendEnv } from '../model/backend-browser';
import { httpModelLoader } from '../model/load';
import { disposeEngineState, emptyEngineState } from './engine-state';
import type { Handlers } from './handler-types';
import { createHandlers } from './handlers';

export function createBrowserRuntime(): { handlers: Handlers; dispose(): void } {
  const state = emptyEngineState();
  return {
    handlers: createHandlers({ backendEnv: browserBackendEnv, loader: httpModelLoader }, state),
    dispose: () => disposeEngineState(state),
  };
}
