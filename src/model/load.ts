// Loads a Keras-format LayersModel (model.json + weight shards), by URL or from files the user
// opened, checks its weights and shape, and names its classes.
import { dispose, engine, env, io } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { classNamesFrom, metadataHasClassNames, type LabelsFile } from './class-names';
import {
  downloadModelFiles,
  findLabelsBeside,
  ModelDownloadError,
  type FetchOptions,
  type LabelsLookup,
} from './http-model';
import {
  artifactsFromFiles,
  isLocalModelKey,
  ModelFileError,
  type ModelFileSet,
} from './model-files';
import { validateModel, type ModelDescription } from './validate';
import type { BaseModelSummary } from './summary-types';

export type LayersModelLoader = (
  url: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<tfl.LayersModel>;

/** Looks for a labels file beside a model loaded by URL (http-model.ts). */
export type LabelsLoader = (modelUrl: string, signal?: AbortSignal) => Promise<LabelsLookup>;

/**
 * Runs `build`; when it throws, disposes the variables it registered: a topology that fails at
 * its third layer (an unknown class, a bad config) has already built the first two, and there is
 * no model object yet to dispose them with. A worker runs one request at a time (dispatcher.ts),
 * so every variable registered meanwhile is this build's.
 */
async function withVariablesFreedOnError<T>(build: () => Promise<T>): Promise<T> {
  const before = new Set(Object.keys(engine().registeredVariables));
  try {
    return await build();
  } catch (error) {
    for (const [name, variable] of Object.entries(engine().registeredVariables)) {
      if (!before.has(name)) variable.dispose();
    }
    throw error;
  }
}

/**
 * Builds a model from checked artifacts: no network, so it works the same in Node tests. Done in
 * steps rather than by tfl.loadLayersModel so that every tensor made on the way is freed when a
 * step fails: tfjs-layers leaves the half-built model's variables and the decoded weights behind
 * when the weights do not fit the layers, and a user may try many wrong files in one session.
 */
async function buildModel(artifacts: io.ModelArtifacts): Promise<tfl.LayersModel> {
  const model = await withVariablesFreedOnError(() =>
    tfl.models.modelFromJSON({ modelTopology: artifacts.modelTopology ?? {} }),
  );
  // Optimizer state (a model saved with includeOptimizer) is not needed to predict.
  const specs = (artifacts.weightSpecs ?? []).filter((spec) => spec.group !== 'optimizer');
  let weights: ReturnType<typeof io.decodeWeights> = {};
  try {
    weights = io.decodeWeights(
      artifacts.weightData ?? new ArrayBuffer(0),
      artifacts.weightSpecs ?? [],
    );
    const modelWeights = Object.fromEntries(specs.map((spec) => [spec.name, weights[spec.name]!]));
    model.loadWeights(modelWeights, true);
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    dispose(Object.values(weights));
  }
  if (artifacts.userDefinedMetadata) model.setUserDefinedMetadata(artifacts.userDefinedMetadata);
  return model;
}

/** Downloads with the checks of http-model.ts (`fetch` and the page origin are for tests). */
export function createHttpModelLoader(
  fetchOptions: Omit<FetchOptions, 'signal'> = {},
): LayersModelLoader {
  return async (url, onProgress, signal) => {
    const download = { ...fetchOptions, signal };
    const { modelJson, shards } = await downloadModelFiles(url, onProgress, download);
    return buildModel(artifactsFromFiles(modelJson, shards));
  };
}

/** The app's loader: the download aborts with `signal`. */
export const httpModelLoader: LayersModelLoader = createHttpModelLoader();

export const httpLabelsLoader: LabelsLoader = (modelUrl, signal) =>
  findLabelsBeside(modelUrl, { signal });

/** Builds the model of files opened on this device (model-files.ts checks them first). */
export async function loadModelFromFiles(files: ModelFileSet): Promise<tfl.LayersModel> {
  const shards = new Map(files.shards.map((s) => [s.name, s.data] as const));
  return buildModel(artifactsFromFiles(files.modelJson, shards));
}

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

/** The last layer's activation; a nested model as the last layer (a backbone and a head saved as
 * two Sequentials) is looked into, so that its softmax is not applied a second time. */
function outputActivation(model: tfl.LayersModel): string {
  let last: tfl.layers.Layer | undefined = model.layers[model.layers.length - 1];
  while (last instanceof tfl.LayersModel) last = last.layers[last.layers.length - 1];
  const activation = last?.getConfig()['activation'];
  return typeof activation === 'string' ? activation : 'linear';
}

/**
 * A layer's output shape in this model. A nested model (a backbone saved inside a classifier) has
 * one inbound node of its own and one for each call, and tfjs refuses `outputShape` for layers
 * with several; the newest node is the call in the model that contains it.
 */
function layerOutputShape(layer: tfl.layers.Layer): tfl.Shape | tfl.Shape[] {
  if (layer.inboundNodes.length <= 1) return layer.outputShape;
  return layer.inboundNodes[layer.inboundNodes.length - 1]!.outputShapes;
}

export function describeModel(model: tfl.LayersModel, url: string): ModelDescription {
  return {
    url,
    name: model.name,
    className: model.getClassName(),
    inputShapes: model.inputs.map((t) => [...t.shape]),
    outputShapes: model.outputs.map((t) => [...t.shape]),
    layers: model.layers.map((layer) => {
      const shape = layerOutputShape(layer);
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
  if (/weights are not set|has no target variable/.test(reason)) {
    return `the weights model.json lists do not match its layers (it was edited or assembled from two models): ${reason}.`;
  }
  const unknown =
    /Unknown (layer|activation|initializer|regularizer|constraint): ([\w./-]*\w)/.exec(reason);
  if (unknown) {
    return (
      `the model uses the ${unknown[1]} ${unknown[2]}, which TensorFlow.js cannot build (a custom ` +
      'or Python-only Keras piece): rebuild the model from standard Keras layers and convert it again.'
    );
  }
  return reason;
}

/** A ModelFileError worded for a server rather than for a file the user chose. */
function explainDownloadedFile(error: ModelFileError): string {
  switch (error.problem) {
    case 'html':
      return explainLoadError('Failed to parse model JSON');
    case 'empty':
    case 'json':
      return `the server did not send a model.json (${error.message})`;
    case 'shard-size':
      return `the weight files do not match model.json (a truncated or wrong shard): ${error.message}`;
    default:
      return error.message;
  }
}

/** The message of a load that failed before validation, naming the address or the files. */
function loadFailure(url: string, fromFiles: boolean, error: unknown): Error {
  if (fromFiles) {
    if (error instanceof ModelFileError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(
      `The model files could not be built into a model: ${explainLoadError(reason)}`,
      {
        cause: error,
      },
    );
  }
  // The CORS sentence names the origin and says what to do; it stands on its own.
  if (error instanceof ModelDownloadError && error.message.startsWith('The server at')) {
    return new Error(`Could not load the model from ${url}. ${error.message}`, { cause: error });
  }
  const reason =
    error instanceof ModelFileError
      ? explainDownloadedFile(error)
      : explainLoadError(error instanceof Error ? error.message : String(error));
  return new Error(`Could not load the model from ${url}: ${reason}`, { cause: error });
}

export interface ModelRequest {
  /** model.json's absolute URL, or the key of a model opened from files (model-files.ts). */
  url: string;
  /** The model's files, when it was opened on this device: then nothing is downloaded. */
  files?: ModelFileSet;
  /** URL loads: look for labels.json / labels.txt beside model.json when its metadata has no
   * class names (default true). */
  lookForLabels?: boolean;
}

export interface LoadOptions {
  /** Loads a model by URL (httpModelLoader in the app; in-memory models in tests). */
  loader: LayersModelLoader;
  /** URL loads: finds a labels file beside model.json; without it none is looked for. */
  labelsLoader?: LabelsLoader;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The model's class names from its metadata, its labels file, or defaults (class-names.ts). */
async function namesFor(
  model: tfl.LayersModel,
  classCount: number,
  request: ModelRequest,
  options: LoadOptions,
): Promise<Pick<BaseModelSummary, 'classNames' | 'classNamesSource' | 'classNamesProblem'>> {
  const metadata = model.getUserDefinedMetadata();
  let labels: LabelsFile | null = request.files?.labels ?? null;
  let lookupProblem: string | undefined;
  const look = !request.files && request.lookForLabels !== false && options.labelsLoader;
  if (look && !metadataHasClassNames(metadata)) {
    const found = await look(request.url, options.signal);
    labels = found.file;
    lookupProblem = found.problem;
  }
  const names = classNamesFrom(metadata, labels, classCount);
  const problem = [lookupProblem, names.problem].filter(Boolean).join('; ');
  return {
    classNames: names.names,
    classNamesSource: names.source,
    ...(problem ? { classNamesProblem: problem } : {}),
  };
}

/**
 * A model kept by the worker, named again for the labels file given with it now: the same model
 * files may come with another labels.txt, and the cache keys models by their files.
 */
export function withLabels(loaded: LoadedModel, labels: LabelsFile | null): LoadedModel {
  const names = classNamesFrom(
    loaded.model.getUserDefinedMetadata(),
    labels,
    loaded.summary.classCount,
  );
  const { classNamesProblem: _old, ...rest } = loaded.summary;
  return {
    model: loaded.model,
    summary: {
      ...rest,
      classNames: names.names,
      classNamesSource: names.source,
      ...(names.problem ? { classNamesProblem: names.problem } : {}),
    },
  };
}

/** Loads (by URL or from files), refuses damaged weights, validates and names the classes;
 * disposes the model again when it is unusable. */
export async function loadModel(request: ModelRequest, options: LoadOptions): Promise<LoadedModel> {
  const { url, files } = request;
  const { signal } = options;
  if (!files && isLocalModelKey(url)) {
    throw new Error(
      'This model was opened from files on this device, and its files did not come with the ' +
        'request: open them again with Open model….',
    );
  }
  let model: tfl.LayersModel;
  try {
    const work = files
      ? loadModelFromFiles(files)
      : options.loader(url, options.onProgress, signal);
    model = await abortable(work, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw loadFailure(url, files !== undefined, error);
  }
  try {
    await checkFiniteWeights(model);
    const validated = validateModel(describeModel(model, url));
    const names = await namesFor(model, validated.classCount, request, options);
    return { model, summary: { ...validated, ...names } };
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
