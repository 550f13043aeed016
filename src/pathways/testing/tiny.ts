// A hand-checkable network: 4×4×1 input → conv 3×3 same (2 maps, ReLU) → max-pool 2×2 → flatten
// → dense 2 (ReLU) → logits 2. Every number the tests expect is derived by hand in tiny.test.ts.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Kernels as [a][b] (row, col) for output maps 0 and 1 (one input channel). */
const TINY_K0 = [
  [0, 0, 0],
  [0, 1, 0],
  [0, 0, 2],
];
const TINY_K1 = [
  [-1, 0, 0],
  [0, 0, 0],
  [0, 0, 0],
];
const TINY_CONV_BIAS = [0, 0.25];
/** dense1 weights [8 inputs][2 units]; flatten index = (r*2 + c)*2 + ch. */
const TINY_W1 = [
  [1, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [-1, 2],
  [4, 0],
];
const TINY_B1 = [0, -1];
const TINY_W2 = [
  [1, -1],
  [0.5, 1],
];
const TINY_B2 = [0.1, 0];

/** x(1,1) = 0.5, x(2,2) = 1, zero elsewhere. */
export const TINY_IMAGE = Float32Array.from([0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);

export function tinyModel(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        name: 'conv1',
        inputShape: [4, 4, 1],
        filters: 2,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
      }),
      tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ name: 'dense1', units: 2, activation: 'relu' }),
      tfl.layers.dense({ name: 'logits', units: 2 }),
    ],
  });
  const kernel: number[] = [];
  for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++) kernel.push(TINY_K0[a]![b]!, TINY_K1[a]![b]!);
  tf.tidy(() =>
    model.setWeights([
      tf.tensor4d(kernel, [3, 3, 1, 2]),
      tf.tensor1d(TINY_CONV_BIAS),
      tf.tensor2d(TINY_W1),
      tf.tensor1d(TINY_B1),
      tf.tensor2d(TINY_W2),
      tf.tensor1d(TINY_B2),
    ]),
  );
  return model;
}
