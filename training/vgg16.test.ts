/**
 * The VGG-16 builder and BatchNorm folding: the folded model (what ships) has only the layer
 * types the app's engine supports, and computes the same logits as the BatchNorm model in
 * inference mode, to float32 tolerance.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './lib/node-model';
import { imagesToTensor } from './lib/tensors';
import { mulberry32 } from './lib/prng';
import { trainModel } from './train-loop';
import {
  buildVgg16Training,
  foldBatchNorm,
  VGG16_INPUT_PADDING,
  VGG16_LAYER_NAMES,
  type Vgg16Widths,
} from './vgg16';

// Narrower than the shipped ⅛ width, so that the test is quick; the topology is the same.
const WIDTHS: Vgg16Widths = { blocks: [4, 6, 8, 8, 8], dense: [12, 12] };

/** Uniform values in [lo, hi) from a seeded stream, as a tensor of the given shape. */
function seededUniform(shape: number[], random: () => number, lo: number, hi: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => lo + (hi - lo) * random()),
    shape,
  );
}

/** Gives every BatchNorm non-trivial γ, β, moving mean and moving variance. */
function randomizeBatchNorm(model: tf.LayersModel, seed: number): void {
  const random = mulberry32(seed);
  for (const layer of model.layers.filter((l) => l.getClassName() === 'BatchNormalization')) {
    const [gamma] = layer.getWeights();
    const shape = gamma!.shape;
    layer.setWeights([
      seededUniform(shape, random, 0.5, 1.5), // gamma
      seededUniform(shape, random, -0.3, 0.3), // beta
      seededUniform(shape, random, -0.5, 0.5), // moving mean
      seededUniform(shape, random, 0.2, 2.0), // moving variance
    ]);
  }
}

/** A few 32×32 inputs: random noise and padded digit-like strokes. */
function inputs(): tf.Tensor4D {
  const random = mulberry32(7);
  const images = Uint8Array.from({ length: 6 * 784 }, (_, p) =>
    p < 3 * 784 ? Math.floor(256 * random()) : (p % 28) * 9 * ((p >> 5) % 2),
  );
  return imagesToTensor(images, [0, 1, 2, 3, 4, 5], undefined, VGG16_INPUT_PADDING);
}

/** The same images unpadded (28×28): the shipped model pads them itself. */
function inputs28(): tf.Tensor4D {
  const random = mulberry32(7);
  const images = Uint8Array.from({ length: 6 * 784 }, (_, p) =>
    p < 3 * 784 ? Math.floor(256 * random()) : (p % 28) * 9 * ((p >> 5) % 2),
  );
  return imagesToTensor(images, [0, 1, 2, 3, 4, 5], undefined, 0);
}

describe('VGG-16 topology and BatchNorm folding', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  const trained = () => {
    const model = buildVgg16Training(WIDTHS, 3);
    randomizeBatchNorm(model, 11);
    return model;
  };
  let model: tf.Sequential;
  let folded: tf.Sequential;

  beforeAll(() => {
    model = trained();
    folded = foldBatchNorm(model, WIDTHS);
  });
  afterAll(() => {
    model?.dispose();
    folded?.dispose();
  });

  it('has 13 convs in blocks of 2, 2, 3, 3, 3, five pools and three dense layers', () => {
    expect(folded.layers.map((l) => l.name)).toEqual([...VGG16_LAYER_NAMES]);
    const types = folded.layers.map((l) => l.getClassName());
    expect(types.filter((t) => t === 'Conv2D')).toHaveLength(13);
    expect(types.filter((t) => t === 'MaxPooling2D')).toHaveLength(5);
    expect(types.filter((t) => t === 'Dense')).toHaveLength(3);
    expect(new Set(types)).toEqual(
      new Set(['ZeroPadding2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']),
    );
    // The shipped model takes the 28×28 image; its first layer pads it to the trained 32×32.
    expect(folded.inputs[0]?.shape).toEqual([null, 28, 28, 1]);
    expect(folded.getLayer('conv1_1').outputShape).toEqual([null, 32, 32, WIDTHS.blocks[0]]);
    expect(folded.getLayer('pool5').outputShape).toEqual([null, 1, 1, 8]);
    expect(folded.outputs[0]?.shape).toEqual([null, 10]);
  });

  it('saves only Conv2D(relu, bias, same, 3×3) / MaxPooling2D / Flatten / Dense layers', () => {
    const topology = folded.toJSON(null, false) as unknown as {
      config: { layers: { class_name: string; config: Record<string, unknown> }[] };
    };
    const layers = topology.config.layers;
    expect(layers.map((l) => l.class_name).every((c) => c !== 'BatchNormalization')).toBe(true);
    for (const layer of layers.filter((l) => l.class_name === 'Conv2D')) {
      expect(layer.config).toMatchObject({
        activation: 'relu',
        use_bias: true,
        padding: 'same',
        kernel_size: [3, 3],
        strides: [1, 1],
      });
    }
    expect(layers.at(-1)?.config['activation']).toBe('linear');
    expect(layers.at(-1)?.config['name']).toBe('logits');
  });

  it('gives the same logits as the BatchNorm model in inference mode', () => {
    const x = inputs();
    const x28 = inputs28();
    const expected = model.predict(x) as tf.Tensor2D;
    const actual = folded.predict(x28) as tf.Tensor2D;
    const e = expected.arraySync();
    const a = actual.arraySync();
    const scale = Math.max(...e.flat().map(Math.abs));
    expect(scale).toBeGreaterThan(1e-3); // the comparison is not vacuous
    for (let n = 0; n < e.length; n++) {
      for (let k = 0; k < 10; k++) {
        expect(Math.abs(a[n]![k]! - e[n]![k]!)).toBeLessThanOrEqual(1e-5 + 1e-4 * scale);
      }
    }
    // And the BN layers matter: without them (γ = 1, β = 0, μ = 0, σ² = 1) logits differ.
    const plainBn = buildVgg16Training(WIDTHS, 3);
    const differs = tf.tidy(
      () => tf.max(tf.abs(tf.sub(plainBn.predict(x) as tf.Tensor, expected))).dataSync()[0]!,
    );
    expect(differs).toBeGreaterThan(1e-3);
    tf.dispose([x, x28, expected, actual]);
    plainBn.dispose();
  });

  it('trains on the wasm backend (conv gradient without the missing kernel) and updates BN statistics', () => {
    const fresh = buildVgg16Training(WIDTHS, 5);
    const images = Uint8Array.from({ length: 64 * 784 }, (_, p) => (p * 37) % 256);
    const labels = Uint8Array.from({ length: 64 }, (_, i) => i % 10);
    const before = fresh.getLayer('conv1_1_bn').getWeights()[2]!.dataSync().slice();
    const result = trainModel(
      fresh,
      { images, labels, count: 64, classNames: [] },
      {
        epochs: 1,
        batchSize: 32,
        seed: 1,
        learningRate: 1e-3,
        finalLearningRate: 1e-3,
        augmentation: 'none',
        logEvery: 1000,
        tag: 'test',
      },
    );
    expect(Number.isFinite(result.finalEpochLoss)).toBe(true);
    const after = fresh.getLayer('conv1_1_bn').getWeights()[2]!.dataSync();
    expect(Array.from(after)).not.toEqual(Array.from(before));
    fresh.dispose();
  });
});
