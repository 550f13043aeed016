// Model → engine conversion: supported layers, rejections naming the layer, BN folding.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildNetwork,
  completenessError,
  computeGates,
  disposeNetwork,
  specFromModel,
} from './index';
import { useWasm } from './testing/backend';
import { maxAbsDiff } from './testing/checks';
import { blobImage, vggLikeModel } from './testing/models';

beforeAll(useWasm);

const conv = (config: Partial<Parameters<typeof tfl.layers.conv2d>[0]> & { filters: number }) =>
  tfl.layers.conv2d({ kernelSize: 3, padding: 'same', activation: 'relu', ...config });

describe('specFromModel', () => {
  it('describes the shipped architecture', () => {
    const model = vggLikeModel();
    const spec = specFromModel(model);
    expect(spec.input).toEqual({ height: 28, width: 28, channels: 1 });
    expect(
      spec.layers.map((l) => [
        l.info.name,
        l.info.kind,
        l.info.height,
        l.info.width,
        l.info.channels,
      ]),
    ).toEqual([
      ['conv1_1', 'conv', 28, 28, 8],
      ['conv1_2', 'conv', 28, 28, 8],
      ['pool1', 'pool', 14, 14, 8],
      ['conv2_1', 'conv', 14, 14, 16],
      ['conv2_2', 'conv', 14, 14, 16],
      ['pool2', 'pool', 7, 7, 16],
      ['dense1', 'dense', 1, 1, 64],
      ['logits', 'logits', 1, 1, 10],
    ]);
    expect(spec.layers.map((l) => l.relu)).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
    model.dispose();
  });

  it('merges ReLU/Activation layers, skips Dropout, drops a final softmax', async () => {
    const model = tfl.sequential({
      layers: [
        conv({ name: 'c', inputShape: [8, 8, 1], filters: 2, activation: 'linear' }),
        tfl.layers.reLU({ name: 'r' }),
        tfl.layers.maxPooling2d({ name: 'p', poolSize: 2 }),
        tfl.layers.activation({ name: 'a', activation: 'relu' }),
        tfl.layers.dropout({ name: 'd', rate: 0.5 }),
        tfl.layers.flatten({ name: 'f' }),
        tfl.layers.dense({ name: 'h', units: 4 }),
        tfl.layers.activation({ name: 'hr', activation: 'relu' }),
        tfl.layers.dense({ name: 'out', units: 3, activation: 'softmax' }),
      ],
    });
    const net = buildNetwork(model);
    expect(net.layers.map((l) => [l.info.name, l.relu, l.sources])).toEqual([
      ['c', true, ['c', 'r']],
      ['p', true, ['p', 'a']],
      ['h', true, ['h', 'hr']],
      ['out', false, ['out']],
    ]);
    const image = blobImage(8, 8, 1, 3, 1);
    const gates = await computeGates(net, image);
    const probs = tf.tidy(() =>
      (model.predict(tf.tensor4d(image, [1, 8, 8, 1])) as tf.Tensor).dataSync(),
    );
    expect(maxAbsDiff(gates.probabilities, probs)).toBeLessThan(1e-6);
    disposeNetwork(net);
    model.dispose();
  });

  it.each([
    [
      'AveragePooling2D',
      () => tfl.layers.averagePooling2d({ name: 'avgpool', poolSize: 2 }),
      /'avgpool' \(AveragePooling2D\)/,
    ],
    [
      'tanh conv',
      () => conv({ name: 'tanhconv', filters: 2, activation: 'tanh' }),
      /'tanhconv' \(Conv2D\).*tanh/,
    ],
    [
      'dilated conv',
      () => conv({ name: 'dil', filters: 2, dilationRate: 2 }),
      /'dil' \(Conv2D\).*dilated/,
    ],
    [
      'sigmoid',
      () => tfl.layers.activation({ name: 'sig', activation: 'sigmoid' }),
      /'sig' \(Activation\)/,
    ],
    ['LeakyReLU', () => tfl.layers.leakyReLU({ name: 'leaky' }), /'leaky' \(LeakyReLU\)/],
  ])('rejects %s naming the layer and its class', (_label, make, message) => {
    const model = tfl.sequential({
      layers: [
        conv({ name: 'c0', inputShape: [8, 8, 1], filters: 2 }),
        make(),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(model)).toThrow(message);
    model.dispose();
  });

  it('rejects a softmax before the last layer and a model not ending in logits', () => {
    const mid = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [4, 4, 1] }),
        tfl.layers.dense({ name: 'sm', units: 3, activation: 'softmax' }),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(mid)).toThrow(/'sm' \(Dense\).*softmax/);
    const relu = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [4, 4, 1] }),
        tfl.layers.dense({ name: 'last', units: 2, activation: 'relu' }),
      ],
    });
    expect(() => specFromModel(relu)).toThrow(/'last'/);
    mid.dispose();
    relu.dispose();
  });
});

describe('BatchNormalization folding', () => {
  it('is exact against the unfolded model (inference mode), and completeness holds', async () => {
    const model = tfl.sequential({
      layers: [
        conv({
          name: 'c1',
          inputShape: [12, 12, 2],
          filters: 4,
          activation: 'linear',
          kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }),
        }),
        tfl.layers.batchNormalization({ name: 'bn1' }),
        tfl.layers.reLU({ name: 'r1' }),
        tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
        conv({
          name: 'c2',
          filters: 3,
          activation: 'linear',
          useBias: false,
          kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }),
        }),
        tfl.layers.batchNormalization({ name: 'bn2', center: false }),
        tfl.layers.activation({ name: 'r2', activation: 'relu' }),
        tfl.layers.flatten(),
        tfl.layers.dense({
          name: 'logits',
          units: 3,
          kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }),
        }),
      ],
    });
    // Non-trivial moving statistics and affine parameters.
    tf.tidy(() => {
      for (const name of ['bn1', 'bn2']) {
        const layer = model.getLayer(name);
        const weights = layer
          .getWeights()
          .map((w, i) =>
            tf.add(
              tf.mul(tf.randomUniform(w.shape, 0, 1, 'float32', 10 + i), i === 3 ? 2 : 0.5),
              i === 3 ? 0.3 : 0.1,
            ),
          );
        layer.setWeights(weights);
      }
    });
    const net = buildNetwork(model);
    expect(net.layers.map((l) => l.sources)).toEqual([
      ['c1', 'bn1', 'r1'],
      ['p1'],
      ['c2', 'bn2', 'r2'],
      ['logits'],
    ]);
    const image = blobImage(12, 12, 2, 11, 2);
    const gates = await computeGates(net, image);
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor4d(image, [1, 12, 12, 2])) as tf.Tensor).dataSync(),
    );
    // float32: folding reorders a few multiplications; logits are O(1).
    expect(maxAbsDiff(gates.logits, expected)).toBeLessThan(1e-5);
    for (const e of await completenessError(net, gates)) expect(e).toBeLessThan(1e-5);
    disposeNetwork(net);
    model.dispose();
  });

  it('rejects BN after a ReLU (not foldable)', () => {
    const model = tfl.sequential({
      layers: [
        conv({ name: 'c', inputShape: [4, 4, 1], filters: 2 }),
        tfl.layers.batchNormalization({ name: 'bnx' }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(model)).toThrow(/'bnx' \(BatchNormalization\)/);
    model.dispose();
  });
});
