// The operations the worker performs, as plain async functions over shared modules. The same
// handlers run in the worker, on the main thread (fallback) and in Node tests; only the deps
// (backend environment, model loader) differ.
import type * as tfl from '@tensorflow/tfjs-layers';
import { chooseBackend, type BackendEnv } from '../model/backend';
import type { BackendInfo } from '../model/backend-types';
import { loadModel, type LayersModelLoader } from '../model/load';
import { predictImage } from '../model/predict';
import type { ModelSummary } from '../model/summary-types';
import { imageForward, imageStatistics, queryPixels } from '../pathways';
import {
  attachModel,
  emptyEngineState,
  gatesFor,
  releaseModel,
  type EngineState,
} from './engine-session';
import type { OpName, ParamsOf, ResultOf } from './protocol';
import { createAnalysisHandlers } from './analysis-ops';

export interface HandlerContext {
  /** Aborted when a newer request on the same channel arrives or the client cancels this one. */
  signal: AbortSignal;
  progress(fraction: number, label: string): void;
}

export type Handler<K extends OpName> = (
  params: ParamsOf<K>,
  ctx: HandlerContext,
) => Promise<ResultOf<K>>;

export type Handlers = { [K in OpName]: Handler<K> };

export interface RuntimeDeps {
  backendEnv: BackendEnv;
  loader: LayersModelLoader;
}

/** What the handlers keep between requests: the backend and the one loaded model. */
export interface Session {
  backend: BackendInfo | null;
  model: tfl.LayersModel | null;
  summary: ModelSummary | null;
  engine: EngineState;
}

export class NoModelError extends Error {
  override name = 'NoModelError';
  constructor() {
    super('No model is loaded yet.');
  }
}

export function requireModel(session: Session): { model: tfl.LayersModel; summary: ModelSummary } {
  if (!session.model || !session.summary) throw new NoModelError();
  return { model: session.model, summary: session.summary };
}

export function createHandlers(deps: RuntimeDeps, session: Session = emptySession()): Handlers {
  return {
    ...createAnalysisHandlers(session),

    async init({ backend }) {
      session.backend = await chooseBackend(backend, deps.backendEnv);
      return session.backend;
    },

    async loadModel({ url }, ctx) {
      ctx.progress(0, 'Loading model');
      const loaded = await loadModel(url, deps.loader, (f) => ctx.progress(f, 'Loading model'));
      // A newer loadModel superseded this one while it downloaded: keep the current model.
      if (ctx.signal.aborted) {
        loaded.model.dispose();
        throwIfAborted(ctx.signal);
      }
      session.model?.dispose();
      session.model = loaded.model;
      const pathways = attachModel(session.engine, loaded.model);
      session.summary = { ...loaded.summary, pathways };
      return session.summary;
    },

    async predict({ image }) {
      const { model, summary } = requireModel(session);
      return predictImage(model, summary, image);
    },

    async queryPixels({ image, pixels, options }, ctx) {
      requireModel(session);
      const { network, gates } = await gatesFor(session.engine, image);
      throwIfAborted(ctx.signal);
      return queryPixels(network, gates, pixels, options);
    },

    async imageStats({ image, options }, ctx) {
      requireModel(session);
      ctx.progress(0, 'Analysing every pixel');
      const { network, gates } = await gatesFor(session.engine, image);
      throwIfAborted(ctx.signal);
      const stats = await imageStatistics(network, gates, options);
      ctx.progress(1, 'Analysing every pixel');
      return stats;
    },

    async imageForward({ image }, ctx) {
      requireModel(session);
      const { network, gates } = await gatesFor(session.engine, image);
      throwIfAborted(ctx.signal);
      return imageForward(network, gates);
    },
  };
}

export function emptySession(): Session {
  return { backend: null, model: null, summary: null, engine: emptyEngineState() };
}

/** Frees the model and the engine's tensors (a terminated fallback, tests). */
export function disposeSession(session: Session): void {
  releaseModel(session.engine);
  session.model?.dispose();
  session.model = null;
  session.summary = null;
}

/** Stops before expensive work when a newer request already superseded this one. */
function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
}
