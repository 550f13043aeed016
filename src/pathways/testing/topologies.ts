// Seeded models of the topologies users bring ("bring your own CNN"): strided and 'valid' convs,
// 5×5 kernels, average and global-average pooling, BatchNormalization after convs and dense
// layers, RGB input, many classes. topologies.test.ts checks every identity on each of them.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export interface Topology {
  label: string;
  /** Input [H, W, C]. */
  shape: [number, number, number];
  make: () => tfl.LayersModel;
  /** The model ends in a softmax: model.predict returns probabilities. */
  softmax?: boolean;
}

/** Seeded initialisers, handed out in call order (so each model is the same on every run). */
function seeds(start: number) {
  let seed = start;
  const kernelInitializer = () => tfl.initializers.glorotUniform({ seed: seed++ });
  const biasInitializer = () =>
    tfl.initializers.randomUniform({ minval: -0.2, maxval: 0.3, seed: seed++ });
  return () => ({ kernelInitializer: kernelInitializer(), biasInitializer: biasInitializer() });
}

/**
 * Non-trivial moving statistics and affine parameters for every BatchNormalization of `model`
 * (fresh layers have mean 0, variance 1, γ = 1, β = 0: folding them would test nothing).
 */
export function randomiseBatchNorms(model: tfl.LayersModel, seed = 10): tfl.LayersModel {
  tf.tidy(() => {
    for (const layer of model.layers) {
      if (layer.getClassName() !== 'BatchNormalization') continue;
      // Weights in order gamma, beta, moving_mean, moving_variance (each present ones only).
      const weights = layer.weights.map((w, i) => {
        const short = w.originalName.split('/').pop() ?? '';
        const u = tf.randomUniform(w.shape as number[], 0, 1, 'float32', seed + i);
        if (short.startsWith('moving_variance')) return tf.add(tf.mul(u, 2), 0.3);
        if (short.startsWith('gamma')) return tf.add(tf.mul(u, 1.5), 0.25);
        return tf.sub(tf.mul(u, 0.6), 0.3);
      });
      layer.setWeights(weights);
      seed += 10;
    }
  });
  return model;
}

/** Conv layer shorthand: 3×3 'same' ReLU unless overridden. */
function conv(
  seeded: () => object,
  config: Partial<Parameters<typeof tfl.layers.conv2d>[0]> & { name: string; filters: number },
) {
  return tfl.layers.conv2d({
    kernelSize: 3,
    padding: 'same',
    activation: 'relu',
    ...seeded(),
    ...config,
  });
}

function dense(
  seeded: () => object,
  config: Partial<Parameters<typeof tfl.layers.dense>[0]> & { name: string; units: number },
) {
  return tfl.layers.dense({ ...seeded(), ...config });
}

export const TOPOLOGIES: Topology[] = [
  {
    label: '(1) stride-2 and valid-padding convs, RGB 13×13',
    shape: [13, 13, 3],
    make: () => {
      const s = seeds(200);
      return tfl.sequential({
        layers: [
          conv(s, {
            name: 'c1',
            inputShape: [13, 13, 3],
            filters: 3,
            strides: 2,
            padding: 'valid',
          }),
          conv(s, { name: 'c2', filters: 4, padding: 'valid' }),
          conv(s, { name: 'c3', filters: 3, kernelSize: 2, strides: 2, activation: 'linear' }),
          tfl.layers.reLU({ name: 'r3' }),
          tfl.layers.flatten({ name: 'flatten' }),
          dense(s, { name: 'logits', units: 4 }),
        ],
      });
    },
  },
  {
    label: '(2) 5×5 kernels (same and valid), max-pool, two dense layers',
    shape: [12, 12, 2],
    make: () => {
      const s = seeds(220);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [12, 12, 2], filters: 3, kernelSize: 5 }),
          conv(s, { name: 'c2', filters: 4, kernelSize: 5, padding: 'valid' }),
          tfl.layers.maxPooling2d({ name: 'p', poolSize: 2 }),
          tfl.layers.flatten({ name: 'flatten' }),
          dense(s, { name: 'd', units: 5, activation: 'relu' }),
          dense(s, { name: 'logits', units: 3 }),
        ],
      });
    },
  },
  {
    label:
      '(3) average pooling: valid 2×2, overlapping 3×3 stride 1 after BN + ReLU, ZeroPadding2D folded, same that pads nothing',
    shape: [12, 12, 1],
    make: () => {
      const s = seeds(240);
      return randomiseBatchNorms(
        tfl.sequential({
          layers: [
            conv(s, { name: 'c1', inputShape: [12, 12, 1], filters: 3 }),
            tfl.layers.averagePooling2d({ name: 'avg1', poolSize: 2 }), // 6×6
            conv(s, { name: 'c2', filters: 4 }),
            tfl.layers.averagePooling2d({ name: 'avg2', poolSize: 3, strides: 1 }), // 4×4
            tfl.layers.batchNormalization({ name: 'bn2' }),
            tfl.layers.reLU({ name: 'r2' }),
            tfl.layers.zeroPadding2d({ name: 'pad', padding: 1 }), // 6×6
            tfl.layers.averagePooling2d({ name: 'avg3', poolSize: 2, padding: 'same' }), // 3×3
            tfl.layers.flatten({ name: 'flatten' }),
            dense(s, { name: 'logits', units: 3 }),
          ],
        }),
      );
    },
  },
  {
    label: '(4) global-average pooling before Dense (BN and Dropout between), dense hidden layer',
    shape: [10, 10, 1],
    make: () => {
      const s = seeds(260);
      return randomiseBatchNorms(
        tfl.sequential({
          layers: [
            conv(s, { name: 'c1', inputShape: [10, 10, 1], filters: 3 }),
            tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
            conv(s, { name: 'c2', filters: 4 }),
            tfl.layers.globalAveragePooling2d({ name: 'gap' }),
            tfl.layers.batchNormalization({ name: 'bn_gap' }),
            tfl.layers.dropout({ name: 'drop', rate: 0.3 }),
            dense(s, { name: 'd', units: 5, activation: 'relu' }),
            dense(s, { name: 'logits', units: 3 }),
          ],
        }),
        30,
      );
    },
  },
  {
    label: '(4b) global-average pooling as a layer of its own (a ReLU after it)',
    shape: [8, 8, 1],
    make: () => {
      const s = seeds(280);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [8, 8, 1], filters: 3 }),
          conv(s, { name: 'c2', filters: 4, activation: 'linear' }),
          tfl.layers.globalAveragePooling2d({ name: 'gap' }),
          tfl.layers.reLU({ name: 'gap_relu' }),
          dense(s, { name: 'logits', units: 3 }),
        ],
      });
    },
  },
  {
    label: '(5) all-conv net: global-average pooling of one map per class, softmax Activation',
    shape: [9, 9, 1],
    softmax: true,
    make: () => {
      const s = seeds(300);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [9, 9, 1], filters: 3 }),
          conv(s, { name: 'c2', filters: 4, strides: 2 }),
          conv(s, { name: 'class_maps', filters: 4, kernelSize: 1, activation: 'linear' }),
          tfl.layers.globalAveragePooling2d({ name: 'gap' }),
          tfl.layers.activation({ name: 'softmax', activation: 'softmax' }),
        ],
      });
    },
  },
  {
    label: '(6) BatchNormalization after a conv and a dense layer, softmax on the last Dense',
    shape: [8, 8, 1],
    softmax: true,
    make: () => {
      const s = seeds(320);
      return randomiseBatchNorms(
        tfl.sequential({
          layers: [
            conv(s, { name: 'c1', inputShape: [8, 8, 1], filters: 3, activation: 'linear' }),
            tfl.layers.batchNormalization({ name: 'bn1' }),
            tfl.layers.activation({ name: 'r1', activation: 'relu' }),
            tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
            tfl.layers.flatten({ name: 'flatten' }),
            dense(s, { name: 'd', units: 6, useBias: false }),
            // The axis as tf.keras 2.x saves it: a list.
            tfl.layers.batchNormalization({ name: 'bn_d', axis: [1] as unknown as number }),
            tfl.layers.reLU({ name: 'r_d' }),
            tfl.layers.dropout({ name: 'drop', rate: 0.5 }),
            dense(s, { name: 'logits', units: 3, activation: 'softmax' }),
          ],
        }),
        50,
      );
    },
  },
  {
    label: '(7) a 32×32×3 RGB input: stride-2 conv, max-pool, global average',
    shape: [32, 32, 3],
    make: () => {
      const s = seeds(340);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [32, 32, 3], filters: 3, strides: 2 }), // 16×16
          conv(s, { name: 'c2', filters: 3 }),
          tfl.layers.maxPooling2d({ name: 'p2', poolSize: 2 }), // 8×8
          conv(s, { name: 'c3', filters: 4 }),
          tfl.layers.globalAveragePooling2d({ name: 'gap' }),
          dense(s, { name: 'logits', units: 5 }),
        ],
      });
    },
  },
  {
    label: '(8) 100 classes, softmax on the last Dense',
    shape: [8, 8, 1],
    softmax: true,
    make: () => {
      const s = seeds(360);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [8, 8, 1], filters: 3 }),
          tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
          tfl.layers.flatten({ name: 'flatten' }),
          dense(s, { name: 'd', units: 6, activation: 'relu' }),
          dense(s, { name: 'logits', units: 100, activation: 'softmax' }),
        ],
      });
    },
  },
  {
    label: '(9) global max pooling before Dense',
    shape: [8, 8, 1],
    make: () => {
      const s = seeds(380);
      return tfl.sequential({
        layers: [
          conv(s, { name: 'c1', inputShape: [8, 8, 1], filters: 3 }),
          conv(s, { name: 'c2', filters: 4 }),
          tfl.layers.globalMaxPooling2d({ name: 'gmp' }),
          dense(s, { name: 'logits', units: 3 }),
        ],
      });
    },
  },
];
