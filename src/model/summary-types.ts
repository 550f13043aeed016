// What the worker reports about a loaded model and a prediction. Plain data for the UI.

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
  /** The absolute URL the model was loaded from. */
  url: string;
  name: string;
  /** NHWC input without the batch axis: [height, width, channels]. */
  inputShape: [number, number, number];
  classCount: number;
  layers: LayerSummary[];
  parameterCount: number;
  /** Activation of the last layer: 'linear' means the model returns logits. */
  outputActivation: string;
}

/** Whether the pathway engine can analyse this model (it accepts fewer layer kinds than Keras). */
export type PathwaySupport = { supported: true } | { supported: false; reason: string };

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
