// What the worker reports about a loaded model and a prediction. Plain data for the UI.
import type { ClassNamesSource } from './class-names';

export type { ClassNamesSource };

export interface LayerSummary {
  name: string;
  /** Keras class name, e.g. 'Conv2D', 'MaxPooling2D', 'Dense'. */
  className: string;
  /** Output shape without the batch axis, e.g. [28, 28, 8] or [10]. */
  outputShape: number[];
  parameterCount: number;
}

/** What validation establishes about a model (see validate.ts). */
export interface BaseModelSummary {
  /**
   * The absolute URL the model was loaded from, or the key of a model opened from files
   * ('local-model:<sha-256 hex>', LoadModelParams in src/worker/protocol.ts).
   */
  url: string;
  name: string;
  /** NHWC input without the batch axis: [height, width, channels]. */
  inputShape: [number, number, number];
  classCount: number;
  layers: LayerSummary[];
  parameterCount: number;
  /** Activation of the last layer: 'linear' means the model returns logits. */
  outputActivation: string;
  /**
   * One name per output (class-names.ts). Built-in models carry none ('default': "class 0" …),
   * so the app shows their dataset's names instead.
   */
  classNames: string[];
  classNamesSource: ClassNamesSource;
  /** Why names the model came with were not used (wrong count, bad labels file), if so. */
  classNamesProblem?: string;
}

/** What validate.ts establishes from the model's shapes; the class names are added on load. */
export type ValidatedModel = Omit<
  BaseModelSummary,
  'classNames' | 'classNamesSource' | 'classNamesProblem'
>;

/**
 * Whether the pathway engine can analyse this model (it accepts fewer layer kinds than Keras).
 * `layer` names the layer that stops it, when one does (an unsupported layer or activation, or
 * where a functional model branches), so that the UI can point at it.
 */
export type PathwaySupport =
  | { supported: true }
  | { supported: false; reason: string; layer?: { name: string; className: string } };

export interface ModelSummary extends BaseModelSummary {
  pathways: PathwaySupport;
}

export interface Prediction {
  /** Raw scores of the last layer; null when the model ends in a softmax. */
  logits: Float32Array | null;
  /** Softmax of the logits (or the model's own softmax output), length classCount. */
  probabilities: Float32Array;
  /** Arg-max of probabilities (first on ties). */
  classIndex: number;
}
