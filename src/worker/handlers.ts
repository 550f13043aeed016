// The operations the worker performs, as plain async functions over shared modules. The same
// handlers run in the worker, on the main thread (fallback) and in Node tests; only the deps
// (backend environment, model loader) differ.
import * as tf from '@tensorflow/tfjs-core';
import { chooseBackend, type BackendEnv } from '../model/backend';
import {
  loadModel,
  withLabels,
  type LabelsLoader,
  type LayersModelLoader,
  type LoadedModel,
} from '../model/load';
import type { ModelFileSet } from '../model/model-files';
import { predictImage } from '../model/predict';
import { imageForward, imageStatistics, queryChains, queryPixels } from '../pathways';
import { createAnalysisHandlers } from './analysis-ops';
import { emptyEngineState, requireModel, type EngineState } from './engine-state';
import type { Handlers } from './handler-types';
import { attachModel, gatesFor } from './pathway-state';

export interface RuntimeDeps {
  backendEnv: BackendEnv;
  /** Loads a model by URL (models opened from files need no loader). */
  loader: LayersModelLoader;
  /** Finds labels.json / labels.txt beside a model loaded by URL; none are looked for without. */
  labelsLoader?: LabelsLoader;
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

    async loadModel({ url, files, lookForLabels }, ctx) {
      ctx.progress(0, 'Loading model');
      // A model loaded before is reused as it is: no download and no parse (model-cache.ts); one
      // opened from files is named again for the labels file that comes with it this time.
      // A newer loadModel (or a cancel) aborts a fresh load even mid-download, so a download that
      // never answers cannot block the worker's serial queue. A load that fails leaves the
      // current model loaded and in the cache, untouched.
      const kept = state.models.take(url);
      const loaded = kept
        ? relabel(kept, files)
        : await loadModel(
            { url, files, lookForLabels },
            {
              loader: deps.loader,
              labelsLoader: deps.labelsLoader,
              onProgress: (f) => ctx.progress(f, 'Loading model'),
              signal: ctx.signal,
            },
          );
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

    async queryPixels({ image, imageKey, pixels, options }, ctx) {
      requireModel(state);
      const ref = state.pathways.images.resolve({ image, imageKey });
      const { network, gates } = await gatesFor(state.pathways, ref.image, ref.key);
      throwIfAborted(ctx.signal);
      return queryPixels(network, gates, pixels, options, state.pathways.queryCache);
    },

    async queryChains({ image, imageKey, pixels, options }, ctx) {
      requireModel(state);
      // Asked for just after a query's answer, on the query's channel: the next click supersedes
      // it. Let that click's message in before starting, so that it does not wait for a search
      // nobody will see (wasm work never yields to the message loop by itself).
      await nextTask();
      throwIfAborted(ctx.signal);
      const ref = state.pathways.images.resolve({ image, imageKey });
      const { network, gates } = await gatesFor(state.pathways, ref.image, ref.key);
      throwIfAborted(ctx.signal);
      return queryChains(network, gates, pixels, options, state.pathways.queryCache);
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

    async imageForward({ image, imageKey }, ctx) {
      requireModel(state);
      const ref = state.pathways.images.resolve({ image, imageKey });
      const { network, gates } = await gatesFor(state.pathways, ref.image, ref.key);
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

/** A kept model opened from files, named for the labels file that came with it this time. */
function relabel(kept: LoadedModel, files: ModelFileSet | undefined): LoadedModel {
  return files ? withLabels(kept, files.labels ?? null) : kept;
}

/** Stops before expensive work when a newer request already superseded this one. */
/** Resolves in a later task, after the messages that have arrived meanwhile were handled. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('superseded', 'AbortError');
}
