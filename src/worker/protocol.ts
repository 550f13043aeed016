// Messages between the main thread and the model worker. One entry in `Operations` per request
// kind; the unions below are derived from it, so adding an operation is one line here plus one
// handler in handlers.ts. Everything is plain data; typed arrays travel with their buffers
// transferred (results always; requests when the caller passes `transfer`).
import type { BackendInfo, BackendRequest } from '../model/backend-types';
import type { ModelFileSet } from '../model/model-files';
import type { WasmThreadsRequest } from '../model/wasm-threads';
import type { ModelSummary, Prediction } from '../model/summary-types';
import type { AnalysisOperations } from './analysis-protocol';
import type { ImageRef } from './kept-images';
import type {
  ChainsResult,
  ImageForward,
  ImageStatistics,
  PixelQueryResult,
  QueryOptions,
  StatisticsOptions,
} from '../pathways';

export interface InitParams {
  backend: BackendRequest;
  /** WASM threads (default 'auto': threaded where the page is cross-origin isolated). */
  wasmThreads?: WasmThreadsRequest;
}

export interface LoadModelParams {
  /**
   * Absolute URL of model.json (resolved on the main thread against document.baseURI); with
   * `files`, the model's key instead ('local-model:<sha-256 hex>', localModelKey in
   * src/model/model-files.ts). Either way the worker keeps loaded models by it (model-cache.ts)
   * and the summary's url is it.
   */
  url: string;
  /**
   * The files of a model opened on this device: the model is built from them, nothing is
   * downloaded. Sent as a copy (not transferred) so that the page keeps them for the other worker,
   * IndexedDB and the replay after a worker restart.
   */
  files?: ModelFileSet;
  /**
   * URL loads only: when model.json's metadata names no classes, look for labels.json, then
   * labels.txt, beside it (default true; a missing file is silent). The built-in models have none.
   */
  lookForLabels?: boolean;
}

export interface PredictParams {
  /** H×W×C float32 in [0, 1], NHWC without the batch axis (784 values for MNIST). */
  image: Float32Array;
}

/** One pixel or a pixel set of one image, through the pathway engine (docs/method.md, definitions 2–6). */
export interface QueryPixelsParams extends ImageRef {
  /**
   * The model input, H×W×C float32 in [0, 1] (as for predict). Left out once the worker holds
   * the image under `imageKey` (kept-images.ts): a click on the same image sends no pixels.
   */
  image?: Float32Array;
  /** Flat input positions row * W + col; their diffusions are summed. */
  pixels: number[];
  options?: QueryOptions;
}

/** Whole-image statistics (docs/method.md, definitions 4, 7, 8): sizes, counts, portion-hot codes, relevance. */
export interface ImageStatsParams {
  image: Float32Array;
  options?: StatisticsOptions;
}

/** Activations of every layer and every pixel's relevance for every class (the panels' data). */
export interface ImageForwardParams extends ImageRef {
  image?: Float32Array;
}

/** Diagnostics (the storm test and the soak, docs/reliability.md): no params. */
export type MemoryParams = Record<string, never>;

/** The worker's TensorFlow.js memory (tf.memory()); zeros before a backend was chosen. */
export interface WorkerMemory {
  numTensors: number;
  numBytes: number;
  numDataBuffers: number;
  /**
   * The models the worker keeps loaded (model-cache.ts) and their weights' share of the counts:
   * a cache that fills up over time is not a leak, so the storms compare the rest.
   */
  models: { kept: number; tensors: number; bytes: number };
  /** The backend in use, or null before init. */
  backend: string | null;
}

/** The Analyses area's operations are declared in analysis-protocol.ts. */
export interface Operations extends AnalysisOperations {
  init: { params: InitParams; result: BackendInfo };
  loadModel: { params: LoadModelParams; result: ModelSummary };
  predict: { params: PredictParams; result: Prediction };
  queryPixels: { params: QueryPixelsParams; result: PixelQueryResult };
  /** The top chains of a selection alone (asked for after its queryPixels, with chains: false). */
  queryChains: { params: QueryPixelsParams; result: ChainsResult };
  imageStats: { params: ImageStatsParams; result: ImageStatistics };
  imageForward: { params: ImageForwardParams; result: ImageForward };
  memory: { params: MemoryParams; result: WorkerMemory };
}

export type OpName = keyof Operations;
export type ParamsOf<K extends OpName> = Operations[K]['params'];
export type ResultOf<K extends OpName> = Operations[K]['result'];

export type RequestMessage = {
  [K in OpName]: {
    type: 'request';
    id: number;
    op: K;
    /** Requests on one channel supersede each other: only the newest one runs to the end. */
    channel: string;
    params: ParamsOf<K>;
  };
}[OpName];

export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToWorker = RequestMessage | CancelMessage;

export interface SerializedError {
  name: string;
  message: string;
}

/**
 * When the worker received, started and finished a request, in milliseconds since the epoch
 * (`performance.timeOrigin + performance.now()`, comparable across the page and its workers).
 * Sent with every result: the UI benchmark splits a click's wait with it (scripts/bench-ui.ts).
 */
export interface WorkerTiming {
  received: number;
  started: number;
  finished: number;
}

export type ResultMessage = {
  [K in OpName]: {
    type: 'result';
    id: number;
    op: K;
    result: ResultOf<K>;
    timing?: WorkerTiming;
  };
}[OpName];

export type FromWorker =
  /**
   * Sent once when the worker's code has loaded; a crash before it means "failed to start". A
   * worker that then sends 'alive' every `heartbeatMs` can be watched for silence (client.ts).
   */
  | { type: 'ready'; heartbeatMs?: number }
  /** The worker's event loop is free: sent every `heartbeatMs` (see 'ready'). */
  | { type: 'alive' }
  | ResultMessage
  | { type: 'progress'; id: number; fraction: number; label: string }
  | { type: 'error'; id: number; error: SerializedError }
  /** The request was skipped or stopped because a newer one superseded it, or it was cancelled. */
  | { type: 'cancelled'; id: number };
