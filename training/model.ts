/**
 * The VGG-style classifier shipped with the app. Layer names are a contract with the app and the
 * pathway engine (conv1_1 ... logits). The last layer is a linear Dense ('logits'): the pathway
 * method needs raw logits, so softmax lives in the loss and in the app, never in the model.
 * No BatchNorm or dropout: every layer is conv/ReLU/max-pool/dense, which keeps pathways exact.
 */
import * as tf from '@tensorflow/tfjs';
import { CLASS_COUNT, IMAGE_HEIGHT, IMAGE_WIDTH } from './data/types';
import { deriveSeed } from './lib/prng';

export interface ModelWidths {
  /** Channels of the two convs of block 1, then of block 2. */
  block1: number;
  block2: number;
  dense: number;
}

export const DEFAULT_WIDTHS: ModelWidths = { block1: 8, block2: 16, dense: 64 };

export const LAYER_NAMES = [
  'conv1_1',
  'conv1_2',
  'pool1',
  'conv2_1',
  'conv2_2',
  'pool2',
  'flatten',
  'dense1',
  'logits',
] as const;

export function buildModel(widths: ModelWidths, seed: number): tf.Sequential {
  // Each layer gets its own seed stream so that changing one layer does not reshuffle the others.
  let stream = 0;
  const heNormal = () => tf.initializers.heNormal({ seed: deriveSeed(seed, stream++) });
  const conv = (name: string, filters: number, first = false) =>
    tf.layers.conv2d({
      name,
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: heNormal(),
      ...(first ? { inputShape: [IMAGE_HEIGHT, IMAGE_WIDTH, 1] } : {}),
    });
  const pool = (name: string) => tf.layers.maxPooling2d({ name, poolSize: 2, strides: 2 });

  const model = tf.sequential({ name: 'pathway_lens_vgg' });
  model.add(conv('conv1_1', widths.block1, true));
  model.add(conv('conv1_2', widths.block1));
  model.add(pool('pool1'));
  model.add(conv('conv2_1', widths.block2));
  model.add(conv('conv2_2', widths.block2));
  model.add(pool('pool2'));
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(
    tf.layers.dense({
      name: 'dense1',
      units: widths.dense,
      activation: 'relu',
      kernelInitializer: heNormal(),
    }),
  );
  model.add(
    tf.layers.dense({
      name: 'logits',
      units: CLASS_COUNT,
      activation: 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, stream++) }),
    }),
  );
  return model;
}
