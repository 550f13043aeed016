/**
 * The model card written next to each shipped model (public/models/<id>/model-card.json).
 * Pure types and helpers with no Node or TF.js imports, so the app can share the type.
 */
import type { DatasetId } from '../data/types';
import type { ModelId } from './model-ids';

export interface ModelCardLayer {
  name: string;
  /** Keras class name, e.g. 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense'. */
  type: string;
  /** Output shape WITHOUT the batch dimension, e.g. [28, 28, 8] (NHWC) or [64]. */
  outputShape: number[];
  params: number;
}

export interface ModelCard {
  /** Directory name under public/models/: the dataset id (small model) or `vgg-<dataset>`. */
  id: ModelId;
  dataset: DatasetId;
  title: string;
  /** Indexed by the logit index. */
  classNames: string[];
  /**
   * Model input: float32 NHWC [N, 28, 28, 1], value = pixel / 255 in [0, 1]. Every model takes
   * the 28×28 images as they are; the VGG-16 models' first layer (ZeroPadding2D) adds `padding`
   * (2) rows/columns of zeros on every side, so their convs see 32×32.
   */
  input: {
    height: 28;
    width: 28;
    channels: 1;
    normalization: 'pixel/255';
    /** Zero rows/columns the model's first layer adds on each side; absent means 0. */
    padding?: number;
  };
  /** How the model reads the 28×28 image, in words (VGG models). */
  preprocessing?: string;
  /** Architecture family: 'small' (2 conv blocks) or 'vgg16'; absent means 'small'. */
  arch?: 'small' | 'vgg16';
  /** Channel/unit widths in words, e.g. '1/8 of VGG-16: ...' (VGG models). */
  width?: string;
  /** How BatchNorm was used, e.g. folded into the convs before saving (VGG models). */
  batchNorm?: string;
  /** Wall time of each training epoch, in seconds. */
  epochSeconds?: number[];
  /** Anything else a reader should know (e.g. a bar that was missed). */
  notes?: string[];
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
