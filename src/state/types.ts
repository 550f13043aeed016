// The shape of the app's state. Plain data only: no tensors, no workers, no DOM nodes.
import type { BackendInfo, BackendRequest } from '../model/backend-types';
import type { ModelCard } from '../model/model-card';
import type { ModelId } from '../model/registry';
import type { SampleSet } from '../model/samples';
import type { ModelSummary, Prediction } from '../model/summary-types';
import type { CompareActions, CompareData } from './compare-types';
import type { HideableControl, PresentationMode } from './presentation-url';
import type { ViewActions, ViewData } from './view-types';
import type { InputShape } from './input-shape';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export type ImageSource =
  { kind: 'sample'; index: number } | { kind: 'drawn' } | { kind: 'uploaded'; name?: string };

export interface CurrentImage {
  /** H×W×C float32 in [0, 1] (pixel/255), NHWC row-major; 784 values for the built-in models. */
  pixels: Float32Array;
  /** The geometry of `pixels` (the model's input when the image was made). */
  shape: InputShape;
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

/**
 * The "Open model…" dialog's shared part (src/components/open-model): the session's model loader
 * reports to it, and a link to a model this browser does not keep opens it.
 */
export interface OpenModelState {
  dialogOpen: boolean;
  /** Why the model the user last opened could not be used (shown in the dialog), or null. */
  error: string | null;
  /** A local model the link named that this browser does not keep (its id, and name if known). */
  missing: { id: string; name: string | null } | null;
  /** Other sites the user agreed to load a model from, this visit (checkModelUrl's origins). */
  consentedOrigins: readonly string[];
  /**
   * A link's model on another site, waiting for the user's yes (the built-in model is shown
   * meanwhile, so customModelUrl is null; the link keeps the address), or null.
   */
  pendingRemote: string | null;
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
  /**
   * The model that is not built in, or null for the built-in one: a site-relative path or an
   * http(s) URL of a model.json (?modelUrl), or `local-model:<id>` for one opened from files
   * (?localModel, src/storage/local-model-id.ts).
   */
  customModelUrl: string | null;
  model: ModelState;
  /** The "Open model…" dialog and what opening a model said (OpenModelState). */
  openModel: OpenModelState;
  /**
   * The input geometry every panel uses: the loaded model's (input-shape.ts). The built-in
   * models' 28×28×1 until a model with another input has loaded.
   */
  input: InputShape;
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
  /**
   * Shows the model at `address` (customModelUrl: a site path, an http(s) URL, or a local model's
   * `local-model:<id>` from src/storage/local-model-id.ts); null shows the built-in `modelId`.
   * `consentOrigin`: the user agreed to download from that other site (they typed the address).
   */
  openModelAt(
    address: string | null,
    options?: { modelId?: ModelId; consentOrigin?: string },
  ): void;
  patchOpenModel(patch: Partial<OpenModelState>): void;
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
