// What the worker's handlers keep between requests: the backend, the one loaded model and the
// pathway engine's state for it. One per worker (or per main-thread fallback); not the app's
// Session (src/app/session), which holds the clients of these workers.
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BackendInfo } from '../model/backend-types';
import type { ModelSummary } from '../model/summary-types';
import type { Network } from '../pathways';
import { ModelCache } from './model-cache';
import { emptyPathwayState, releaseModel, networkOf, type PathwayState } from './pathway-state';

export interface EngineState {
  backend: BackendInfo | null;
  /** The model in use (also kept in `models`). */
  model: tfl.LayersModel | null;
  summary: ModelSummary | null;
  /** Every model loaded so far, by URL, so that switching back needs no download or parse. */
  models: ModelCache;
  pathways: PathwayState;
}

export function emptyEngineState(): EngineState {
  return {
    backend: null,
    model: null,
    summary: null,
    models: new ModelCache(),
    pathways: emptyPathwayState(),
  };
}

/** Frees every kept model and the engine's tensors (a terminated fallback, tests). */
export function disposeEngineState(state: EngineState): void {
  releaseModel(state.pathways);
  state.models.clear();
  state.model = null;
  state.summary = null;
}

class NoModelError extends Error {
  override name = 'NoModelError';
  constructor() {
    super('No model is loaded yet.');
  }
}

export function requireModel(state: EngineState): {
  model: tfl.LayersModel;
  summary: ModelSummary;
} {
  if (!state.model || !state.summary) throw new NoModelError();
  return { model: state.model, summary: state.summary };
}

/** The engine's network of the loaded model, or a clear error. */
export function requireNetwork(state: EngineState): Network {
  requireModel(state);
  return networkOf(state.pathways);
}
