// Loads a Keras-format LayersModel (model.json + weight shards) and validates it.
import { env } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { validateModel, type ModelDescription } from './validate';
import type { BaseModelSummary } from './summary-types';

export type LayersModelLoader = (
  url: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<tfl.LayersModel>;

/** tfjs hands `requestInit` to every fetch it makes (model.json and each weight shard), so an
 * abort stops a download that would otherwise never end. */
export const httpModelLoader: LayersModelLoader = (url, onProgress, signal) =>
  tfl.loadLayersModel(url, { onProgress, requestInit: signal ? { signal } : undefined });

/** Rejects as soon as `signal` aborts, whether or not `work` listens to it; a model that `work`
 * still produces afterwards is disposed, not leaked. */
function abortable(work: Promise<tfl.LayersModel>, signal?: AbortSignal): Promise<tfl.LayersModel> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('The model load was superseded.', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (model) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) model.dispose();
        else resolve(model);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** tfjs-layers' flag for the size of its two execution-plan caches (executor.ts). */
const SORT_CACHE_FLAG = 'TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES';

/**
 * Disposes a model that has run, and empties tfjs-layers' execution-plan caches: they are
 * module-wide LRU maps (100 entries each) keyed by tensor names, which are new for every load,
 * so without this each model that ever ran stays reachable after dispose() (its whole layer
 * graph, ~25 KB of JS heap), up to 100 of them per worker. Found by the soak (docs/reliability.md).
 */
export function disposeModel(model: tfl.LayersModel): void {
  model.dispose();
  const flags = env();
  const max = flags.getNumber(SORT_CACHE_FLAG);
  // Shrinking the caches to 0 evicts every entry; the size then goes back.
  flags.set(SORT_CACHE_FLAG, 0);
  flags.set(SORT_CACHE_FLAG, max);
}

function outputActivation(model: tfl.LayersModel): string {
  const last = model.layers[model.layers.length - 1];
  const activation = last?.getConfig()['activation'];
  return typeof activation === 'string' ? activation : 'linear';
}

export function describeModel(model: tfl.LayersModel, url: string): ModelDescription {
  return {
    url,
    name: model.name,
    className: model.getClassName(),
    inputShapes: model.inputs.map((t) => [...t.shape]),
    outputShapes: model.outputs.map((t) => [...t.shape]),
    layers: model.layers.map((layer) => {
      const shape = layer.outputShape;
      // Single-output layers report one shape; drop the batch axis.
      const flat = Array.isArray(shape[0]) ? [] : (shape as Array<number | null>).slice(1);
      return {
        name: layer.name,
        className: layer.getClassName(),
        outputShape: flat.map((d) => d ?? 0),
        parameterCount: layer.countParams(),
      };
    }),
    outputActivation: outputActivation(model),
  };
}

export interface LoadedModel {
  model: tfl.LayersModel;
  summary: BaseModelSummary;
}

/** tfjs's wording of the usual failures, turned into what happened and what to check. */
export function explainLoadError(reason: string): string {
  if (/Failed to parse model JSON/i.test(reason)) {
    return 'the server did not send a model.json (it sent something else, often an HTML page: check the address).';
  }
  if (/the tensor should have \d+ values but has \d+/.test(reason)) {
    return `the weight files do not match model.json (a truncated or wrong shard): ${reason}.`;
  }
  return reason;
}

/** Loads and validates; disposes the model again when it is unusable. */
export async function loadModel(
  url: string,
  loader: LayersModelLoader,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<LoadedModel> {
  let model: tfl.LayersModel;
  try {
    model = await abortable(loader(url, onProgress, signal), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load the model from ${url}: ${explainLoadError(reason)}`, {
      cause: error,
    });
  }
  try {
    await checkFiniteWeights(model);
    return { model, summary: validateModel(describeModel(model, url)) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * Refuses weights that are NaN or infinite, naming the layer: such a model would load and show
 * NaN in every panel. Read asynchronously (a synchronous read-back stalls GPU backends).
 */
async function checkFiniteWeights(model: tfl.LayersModel): Promise<void> {
  for (const layer of model.layers) {
    for (const weight of layer.weights) {
      const values = await weight.read().data();
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) {
          throw new Error(
            `Layer “${layer.name}” has ${Number.isNaN(values[i]) ? 'a NaN' : 'an infinite'} ` +
              `weight (${weight.name}, value ${i} of ${values.length}): the model file is damaged or was exported from a diverged training run.`,
          );
        }
      }
    }
  }
}
