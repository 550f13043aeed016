// Model → engine conversion: supported layers, rejections naming the layer, BN folding, average
// and global pooling (their identities: topologies.test.ts).
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
import { MAX_BUILT_ENTRIES } from './network';
import { useWasm } from './testing/backend';
import { maxAbsDiff } from './testing/checks';
import { blobImage, vggLikeModel } from './testing/models';
import { TOPOLOGIES } from './testing/topologies';

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
      "AveragePooling2D with 'same' padding that pads (its border divisor is not a kernel)",
      () =>
        tfl.layers.averagePooling2d({ name: 'avgpool', poolSize: 3, strides: 2, padding: 'same' }),
      /'avgpool' \(AveragePooling2D\): padding 'same' pads its 8×8 input .*in-bounds cells only/,
    ],
    [
      'DepthwiseConv2D, listing what is supported',
      () => tfl.layers.depthwiseConv2d({ name: 'dw', kernelSize: 3 }),
      /'dw' \(DepthwiseConv2D\): supported: .*AveragePooling2D.*GlobalAveragePooling2D/,
    ],
    [
      'ZeroPadding2D not followed by a Conv2D or an AveragePooling2D',
      () => tfl.layers.zeroPadding2d({ name: 'zp', padding: 1 }),
      /'zp' \(ZeroPadding2D\).*before a Conv2D or an AveragePooling2D \(here before Flatten/,
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
        // As tf.keras 2.x saves it: the axis as a list.
        tfl.layers.batchNormalization({
          name: 'bn2',
          center: false,
          axis: [3] as unknown as number,
        }),
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

  it("reads Keras' keepdims global pools (a model.json written by Keras) as the plain ones", async () => {
    // Keras writes `keepdims` into each global pool's config (output [1, 1, C]); tfjs-layers 4.x
    // reads the file and returns [batch, C] regardless. The engine must trace it the same way.
    for (const pool of ['globalAveragePooling2d', 'globalMaxPooling2d'] as const) {
      const built = tfl.sequential({
        layers: [
          conv({ name: 'c1', inputShape: [8, 8, 1], filters: 3 }),
          tfl.layers[pool]({ name: 'gp' }),
          tfl.layers.dense({ name: 'logits', units: 4 }),
        ],
      });
      const json = built.toJSON(null, false) as {
        config: { layers: Array<{ config: Record<string, unknown> }> };
      };
      const gp = json.config.layers.find((l) => l.config.name === 'gp');
      expect(gp).toBeDefined();
      gp!.config.keepdims = true;
      const model = (await tfl.models.modelFromJSON(json as never)) as tfl.LayersModel;
      model.setWeights(built.getWeights());
      expect(model.getLayer('gp').getConfig()).toMatchObject({ name: 'gp' });
      const net = buildNetwork(model);
      const image = blobImage(8, 8, 1, 5, 3);
      const gates = await computeGates(net, image);
      const expected = tf.tidy(() =>
        (model.predict(tf.tensor4d(image, [1, 8, 8, 1])) as tf.Tensor).dataSync(),
      );
      expect(maxAbsDiff(gates.logits, expected)).toBeLessThan(1e-5);
      for (const e of await completenessError(net, gates)) expect(e).toBeLessThan(1e-5);
      disposeNetwork(net);
      model.dispose();
      built.dispose();
    }
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

describe('average and global pooling conversion', () => {
  const describeLayers = (spec: ReturnType<typeof specFromModel>) =>
    spec.layers.map((l) => [
      l.info.name,
      l.info.kind,
      l.info.op ?? '',
      `${l.info.height}×${l.info.width}×${l.info.channels}`,
      l.sources.join(' '),
    ]);
  const make = (prefix: string) => TOPOLOGIES.find((t) => t.label.startsWith(prefix))!.make();

  it('AveragePooling2D is a diagonal-kernel conv shown as a pool; BN, ReLU and padding fold in', () => {
    const model = make('(3)');
    const spec = specFromModel(model);
    expect(describeLayers(spec)).toEqual([
      ['c1', 'conv', '', '12×12×3', 'c1'],
      ['avg1', 'pool', 'avgpool', '6×6×3', 'avg1'],
      ['c2', 'conv', '', '6×6×4', 'c2'],
      ['avg2', 'pool', 'avgpool', '4×4×4', 'avg2 bn2 r2'],
      ['avg3', 'pool', 'avgpool', '3×3×4', 'pad avg3'],
      ['logits', 'logits', '', '1×1×3', 'logits'],
    ]);
    const avg1 = spec.layers[1]!;
    if (avg1.kind !== 'conv') throw new Error('avg1 is not traced as a conv');
    // kernel[a,b,j,k] = [j = k] / 4, zero bias, 'valid'.
    expect(avg1.kernel).toHaveLength(2 * 2 * 3 * 3);
    avg1.kernel.forEach((v, i) => expect(v).toBe(i % 3 === Math.floor(i / 3) % 3 ? 0.25 : 0));
    expect(Array.from(avg1.bias)).toEqual([0, 0, 0]);
    expect([avg1.padding, avg1.strides, avg1.relu]).toEqual(['valid', [2, 2], false]);
    // The zero padding before avg3 is folded: it reads the unpadded 4×4 map.
    const avg3 = spec.layers[4]!;
    expect(avg3.inShape).toEqual([4, 4, 4]);
    if (avg3.kind !== 'conv') throw new Error('avg3 is not traced as a conv');
    expect(avg3.pads).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    expect(spec.layers[3]!.relu).toBe(true);
    model.dispose();
  });

  it('GlobalAveragePooling2D folds into the next Dense (across BN and Dropout), on channel means', () => {
    const model = make('(4)');
    const spec = specFromModel(model);
    expect(describeLayers(spec)).toEqual([
      ['c1', 'conv', '', '10×10×3', 'c1'],
      ['p1', 'pool', '', '5×5×3', 'p1'],
      ['c2', 'conv', '', '5×5×4', 'c2'],
      ['d', 'dense', '', '1×1×5', 'gap bn_gap d'],
      ['logits', 'logits', '', '1×1×3', 'logits'],
    ]);
    const d = spec.layers[3]!;
    if (d.kind !== 'dense') throw new Error('d is not dense');
    // C×N weights on the 4 channel means, not H·W·C×N.
    expect([d.meanInput, d.inShape, d.weights.length]).toEqual([true, [5, 5, 4], 4 * 5]);
    model.dispose();
  });

  it('GlobalAveragePooling2D stays a layer of its own before a ReLU, or as the logits', () => {
    const relu = make('(4b)');
    expect(describeLayers(specFromModel(relu)).slice(2)).toEqual([
      ['gap', 'dense', 'globalavgpool', '1×1×4', 'gap gap_relu'],
      ['logits', 'logits', '', '1×1×3', 'logits'],
    ]);
    const allConv = make('(5)');
    const spec = specFromModel(allConv);
    expect(describeLayers(spec).at(-1)).toEqual(['gap', 'logits', 'globalavgpool', '1×1×4', 'gap']);
    const gap = spec.layers.at(-1)!;
    if (gap.kind !== 'logits') throw new Error('gap is not the logits');
    // The identity on the 4 channel means.
    expect(Array.from(gap.weights)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(gap.meanInput).toBe(true);
    relu.dispose();
    allConv.dispose();
  });

  it('GlobalMaxPooling2D is one max-pool window over the whole map', () => {
    const model = make('(9)');
    const spec = specFromModel(model);
    expect(describeLayers(spec).slice(2)).toEqual([
      ['gmp', 'pool', 'globalmaxpool', '1×1×4', 'gmp'],
      ['logits', 'logits', '', '1×1×3', 'logits'],
    ]);
    const gmp = spec.layers[2]!;
    if (gmp.kind !== 'pool') throw new Error('gmp is not a pool');
    expect([gmp.poolSize, gmp.strides]).toEqual([
      [8, 8],
      [8, 8],
    ]);
    model.dispose();
  });

  it(`refuses parameter arrays above ${MAX_BUILT_ENTRIES} entries, naming the layer`, () => {
    // 3·3·2048² = 37.7M kernel entries for the average pool.
    const wide = tfl.sequential({
      layers: [
        conv({ name: 'wide', inputShape: [6, 6, 1], filters: 2048, kernelSize: 1 }),
        tfl.layers.averagePooling2d({ name: 'bigpool', poolSize: 3 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(wide)).toThrow(
      /'bigpool' \(AveragePooling2D\): .*3×3 convolution with a diagonal 2048×2048 kernel \(37\.7 million weights\), above its limit of 16\.8 million/,
    );
    wide.dispose();
    // A global average of its own over 4097 maps: a 4097×4097 matrix.
    const many = tfl.sequential({
      layers: [
        conv({ name: 'many', inputShape: [2, 2, 1], filters: 4097, kernelSize: 1 }),
        tfl.layers.globalAveragePooling2d({ name: 'gap' }),
        tfl.layers.reLU(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(many)).toThrow(/'gap' \(GlobalAveragePooling2D\): .*4097×4097/);
    many.dispose();
  });

  it('refuses BN after a max-pool and a ReLU on the last global average, naming the layer', () => {
    const bnPool = tfl.sequential({
      layers: [
        conv({ name: 'c', inputShape: [4, 4, 1], filters: 2 }),
        tfl.layers.maxPooling2d({ name: 'mp', poolSize: 2 }),
        tfl.layers.batchNormalization({ name: 'bnp' }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    expect(() => specFromModel(bnPool)).toThrow(/'bnp' \(BatchNormalization\).*AveragePooling2D/);
    const reluLast = tfl.sequential({
      layers: [
        conv({ name: 'c', inputShape: [4, 4, 1], filters: 2 }),
        tfl.layers.globalAveragePooling2d({ name: 'gap_last' }),
        tfl.layers.reLU(),
      ],
    });
    expect(() => specFromModel(reluLast)).toThrow(
      /'gap_last' \(GlobalAveragePooling2D\): the last layer must be linear/,
    );
    const spatialEnd = tfl.sequential({
      layers: [tfl.layers.averagePooling2d({ inputShape: [4, 4, 1], poolSize: 2 })],
    });
    expect(() => specFromModel(spatialEnd)).toThrow(/must end with a Dense layer/);
    bnPool.dispose();
    reluLast.dispose();
    spatialEnd.dispose();
  });
});
