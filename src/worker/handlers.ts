// The operations the worker performs, as plain async functions over shared modules. The same
// handlers run in the worker, on the main thread (fallback) and in Node tests; only the deps
// (backend environment, model loader) differ.
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend, type BackendEnv } from '../model/backend';
import { loadModel, type LayersModelLoader } from '../model/load';
import { predictImage } from '../model/predict';
import { imageForward, imageStatistics, queryPixels } from '../pathways';
import { createAnalysisHandlers } from './analysis-ops';
import { emptyEngineState, requireModel, type EngineState } from './engine-state';
import type { Handlers } from './handler-types';
import { attachModel, gatesFor } from './pathway-state';

export interface RuntimeDeps {
  backendEnv: BackendEnv;
  loader: LayersModelLoader;
}

export function createHandlers(
  deps: RuntimeDeps,
  state: EngineState = emptyEngineState(),
): Handlers {
  return {
    ...createAnalysisHandlers(state),

    async init({ backend }) {
      state.backend = await chooseBackend(backend, deps.backendEnv);
      return state.backend;
    },

    async loadModel({ url }, ctx) {
      ctx.progress(0, 'Loading model');
      // A model loaded before is reused as it is: no download and no parse (model-cache.ts).
      // A newer loadModel (or a cancel) aborts a fresh load even mid-download, so a download that
      // never answers cannot block the worker's serial queue; the current model stays.
      const loaded =
        state.models.take(url) ??
        (await loadModel(url, deps.loader, (f) => ctx.progress(f, 'Loading model'), ctx.signal));
      if (ctx.signal.aborted) {
        state.models.keep(url, loaded, state.model);
        throwIfAborted(ctx.signal);
      }
      state.models.keep(url, loaded, loaded.model);
      state.model = loaded.model;
      const pathways = attachModel(state.pathways, loaded.model);
      state.summary = { ...loaded.summary, pathways };
      ctx.progress(1, 'Loading model');
      return state.summary;
    },

    async predict({ image }) {
      const { model, summary } = requireModel(state);
      return predictImage(model, summary, image);
    },

    async queryPixels({ image, pixels, options }, ctx) {
      requireModel(state);
      const { network, gates } = await gatesFor(state.pathways, image);
      throwIfAborted(ctx.signal);
      return queryPixels(network, gates, pixels, options);
    },

    async imageStats({ image, options }, ctx) {
      requireModel(state);
      ctx.progress(0, 'Analysing every pixel');
      const { network, gates } = await gatesFor(state.pathways, image);
      throwIfAborted(ctx.signal);
      const stats = await imageStatistics(network, gates, options);
      ctx.progress(1, 'Analysing every pixel');
      return stats;
    },

    async imageForward({ image }, ctx) {
      requireModel(state);
      const { network, gates } = await gatesFor(state.pathways, image);
      throwIfAborted(ctx.signal);
      return imageForward(network, gates);
    },

    async memory() {
      // tf.memory() before init would start a backend of tfjs's own choosing: report zeros.
      if (state.backend === null) {
        return {
          numTensors: 0,
          numBytes: 0,
          numDataBuffers: 0,
          models: { kept: 0, tensors: 0, bytes: 0 },
          backend: null,
        };
      }
      const { numTensors, numBytes, numDataBuffers } = tf.memory();
      const models = { kept: state.models.size, ...state.models.weights() };
      return { numTensors, numBytes, numDataBuffers, models, backend: state.backend.name };
    },
  };
}

/** Stops before expensive work when a newer request already superseded this one. */
function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
}
