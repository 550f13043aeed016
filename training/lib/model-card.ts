/**
 * The model card written next to each shipped model (public/models/<id>/model-card.json).
 * Pure types and helpers with no Node or TF.js imports, so the app can share the type.
 */

export interface ModelCardLayer {
  name: string;
  /** Keras class name, e.g. 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'. */
  type: string;
  /** Output shape WITHOUT the batch dimension, e.g. [28, 28, 8] (NHWC) or [64]. */
  outputShape: number[];
  params: number;
}

export interface ModelCard {
  /** Directory name under public/models/, also the dataset id. */
  id: 'mnist' | 'fashion';
  dataset: 'mnist' | 'fashion';
  title: string;
  /** Indexed by the logit index. */
  classNames: string[];
  /** Model input: float32 NHWC [N, 28, 28, 1], value = pixel / 255 in [0, 1]. */
  input: { height: 28; width: 28; channels: 1; normalization: 'pixel/255' };
  /** The last layer ('logits') is linear: softmax is applied outside the model. */
  output: { layer: 'logits'; activation: 'linear'; classes: 10 };
  architecture: ModelCardLayer[];
  parameterCount: number;
  /** Fraction in [0, 1] of the full test set classified correctly (arg-max of the logits). */
  testAccuracy: number;
  testSetSize: number;
  /** How the test set is defined, in words (MNIST: official; Fashion: this project's split). */
  testSplit: string;
  /** Wall time of the training loop only (no data loading, no evaluation). */
  trainingTimeSeconds: number;
  epochs: number;
  seed: number;
  batchSize: number;
  optimizer: string;
  /** Training-time augmentation, e.g. 'none' or 'random horizontal flip (p = 0.5)'. */
  augmentation: string;
  /** ISO 8601 timestamp. */
  trainedAt: string;
  /** TF.js backend used for training, e.g. 'wasm'. */
  backend: string;
  /** Bytes of model.json plus weight shards. */
  sizeBytes: number;
  /** The command that reproduces this model. */
  command: string;
}

export const MODEL_CARD_FILE = 'model-card.json';
