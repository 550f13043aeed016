// The shape of the app's state. Plain data only: no tensors, no workers, no DOM nodes.
import type { BackendInfo, BackendRequest } from '../model/backend-types';
import type { ModelCard } from '../model/model-card';
import type { ModelId } from '../model/registry';
import type { SampleSet } from '../model/samples';
import type { ModelSummary, Prediction } from '../model/summary-types';
import type { CompareActions, CompareData } from './compare-types';
import type { HideableControl, PresentationMode } from './presentation-url';
import type { ViewActions, ViewData } from './view-types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export type ImageSource =
  { kind: 'sample'; index: number } | { kind: 'drawn' } | { kind: 'uploaded'; name?: string };

export interface CurrentImage {
  /** H×W float32 in [0, 1] (pixel/255), row-major; 784 values for the built-in models. */
  pixels: Float32Array;
  source: ImageSource;
  /** Increases with every new image, so effects can tell images apart cheaply. */
  version: number;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  /** Stable per cause (e.g. 'backend-fallback'), so that repeats replace instead of piling up. */
  id: string;
  level: NoticeLevel;
  text: string;
}

export interface ModelState {
  status: LoadStatus;
  /** Download progress in [0, 1] while loading. */
  progress: number;
  summary: ModelSummary | null;
  card: ModelCard | null;
  error: string | null;
  /** Human name of what is loading or loaded, e.g. 'MNIST' or the custom path. */
  label: string;
}

export interface BackendState {
  requested: BackendRequest;
  info: BackendInfo | null;
  /** True when the worker could not start and the model runs on the page's own thread. */
  runsOnMainThread: boolean;
  error: string | null;
}

export interface SamplesState {
  status: LoadStatus;
  /** Which model's gallery this is (the set follows the model's dataset). */
  modelId: ModelId;
  set: SampleSet | null;
  error: string | null;
}

export interface PredictionState {
  status: 'idle' | 'pending' | 'ready' | 'error';
  result: Prediction | null;
  /** The image version the result belongs to. */
  imageVersion: number | null;
  error: string | null;
}

export interface Presentation {
  mode: PresentationMode;
  /** Minimal chrome for an iframe. */
  embed: boolean;
  hide: readonly HideableControl[];
}

export interface AppData extends ViewData {
  modelId: ModelId;
  /** Site-relative path of a custom model.json (from ?modelUrl), or null for the built-in one. */
  customModelUrl: string | null;
  model: ModelState;
  backend: BackendState;
  samples: SamplesState;
  image: CurrentImage | null;
  /** Sample to show once the gallery has loaded (from the link), or null. */
  pendingSample: number | null;
  prediction: PredictionState;
  notices: Notice[];
  /** Lecture mode, embed mode and hidden controls (src/state/presentation-url.ts). */
  presentation: Presentation;
  /** The compare mode: B's side and its answer (compare-types.ts, docs/compare.md). */
  compare: CompareData;
}

export interface AppActions {
  /** User picks a built-in model (drops any custom model URL). */
  selectModel(id: ModelId): void;
  /** User picks sample `index` of the current gallery. */
  selectSample(index: number): void;
  /** A drawn or uploaded image (the visualizer's input panel calls this). */
  setImage(pixels: Float32Array, source: ImageSource): void;
  notify(notice: Notice): void;
  dismissNotice(id: string): void;
  /** Lecture mode on or off (the header's button). */
  setMode(mode: PresentationMode): void;
  /** For the session: partial updates of the status slices. */
  patchModel(patch: Partial<ModelState>): void;
  patchBackend(patch: Partial<BackendState>): void;
  patchSamples(patch: Partial<SamplesState>): void;
  patchPrediction(patch: Partial<PredictionState>): void;
}

export type AppState = AppData & AppActions & ViewActions & CompareActions;
