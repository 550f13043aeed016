// The browser runtime: handlers wired to the real backends and the HTTP model loader. Imported by
// the worker and, lazily, by the main-thread fallback (so tfjs stays out of the main chunk).
import { browserBackendEnv } from '../model/backend-browser';
import { httpModelLoader } from '../model/load';
import {
  createHandlers,
  disposeSession,
  emptySession,
  type Handlers,
  type Session,
} from './handlers';

export function createBrowserRuntime(): { handlers: Handlers; session: Session; dispose(): void } {
  const session = emptySession();
  return {
    handlers: createHandlers({ backendEnv: browserBackendEnv, loader: httpModelLoader }, session),
    session,
    dispose: () => disposeSession(session),
  };
}
