// Every supported layer configuration against the float64 reference and the exact identities:
// strides, 'valid' padding, even and 5×5 kernels, overlapping and 'same' pooling, linear convs with
// separate ReLU layers, multi-channel non-square inputs, ZeroPadding2D folded into a conv. Tolerances are float32 relative errors.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNetwork,
  completenessError,
  computeGates,
  disposeNetwork,
  imageStatistics,
  queryPixels,
  type Gates,
  type Network,
} from './index';
import { useWasm } from './testing/backend';
import { maxAbs, maxAbsDiff } from './testing/checks';
import {
  allChainFlows,
  chainSumError,
  completenessByPixels,
  expectedFootprint,
  flowErrors,
  referenceDiffusionError,
  sizeVsGradient,
} from './testing/identities';
import { blobImage } from './testing/models';

const REL = 2e-5; // relative float32 tolerance for sums of a few hundred products

type Make = () => tfl.LayersModel;
let seed = 100;
const init = () => tfl.initializers.glorotUniform({ seed: seed++ });
const bias = () => tfl.initializers.randomUniform({ minval: -0.2, maxval: 0.3, seed: seed++ });
/** A layer's seeded kernel and bias initialisers (kernel first: the seeds follow this order). */
const seeded = () => ({ kernelInitializer: init(), biasInitializer: bias() });

const variants: Array<[string, [number, number, number], Make]> = [
  [
    'stride-2 valid 5×5 conv, linear conv + ReLU layer, overlapping same pool, RGB 9×11',
    [9, 11, 3],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [9, 11, 3],
            filters: 3,
            kernelSize: 5,
            strides: 2,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 3,
            padding: 'same',
            ...seeded(),
          }),
          tfl.layers.reLU({ name: 'r2' }),
          tfl.layers.maxPooling2d({ name: 'p', poolSize: 3, strides: 2, padding: 'same' }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'd',
            units: 4,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'stride-2 same conv, overlapping valid pool (stride 1), even 2×2 conv, 12×12',
    [12, 12, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [12, 12, 1],
            filters: 3,
            kernelSize: 3,
            strides: 2,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2, strides: 1 }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 2,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dropout({ rate: 0.3 }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'logits',
            units: 4,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'three 3×3 convs then a same pool on an odd map (15×15 → 8×8), two dense layers',
    [15, 15, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [15, 15, 1],
            filters: 2,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 3,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c3',
            filters: 3,
            kernelSize: 3,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p', poolSize: 2, padding: 'same' }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'd1',
            units: 5,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'd2',
            units: 4,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'ZeroPadding2D folded into the next conv (2 all round before a same conv, asymmetric before a valid one)',
    [10, 10, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.zeroPadding2d({ name: 'pad_input', inputShape: [10, 10, 1], padding: 2 }),
          tfl.layers.conv2d({
            name: 'c1',
            filters: 3,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
          tfl.layers.zeroPadding2d({
            name: 'pad_mid',
            padding: [
              [1, 0],
              [0, 2],
            ],
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 3,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
];

describe.each(variants)('%s', (_label, shape, make) => {
  let model: tfl.LayersModel;
  let net: Network;
  let gates: Gates;
  let nonZero: number[];

  beforeAll(async () => {
    await useWasm();
    model = make();
    net = buildNetwork(model);
    gates = await computeGates(net, blobImage(shape[0], shape[1], shape[2], 42, 1));
    const stats = await imageStatistics(net, gates);
    nonZero = Array.from(stats.pixels);
  });
  afterAll(() => {
    disposeNetwork(net);
    model.dispose();
  });

  it('forward pass matches model.predict', () => {
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor4d(gates.image, [1, ...shape])) as tf.Tensor).dataSync(),
    );
    expect(maxAbsDiff(gates.logits, expected)).toBeLessThan(1e-5);
  });

  it('diffusion matches the float64 reference; layer-1 footprint is the rotated kernel', async () => {
    const some = nonZero.filter((_p, i) => i % 7 === 0);
    expect(await referenceDiffusionError(net, gates, some)).toBeLessThan(REL);
    for (const p of some) {
      const q = await queryPixels(net, gates, [p], { chains: false });
      const expected = expectedFootprint(net, gates, p);
      expect(maxAbsDiff(q.diffusion[0]!, expected)).toBeLessThan(
        REL * Math.max(1, maxAbs(expected)),
      );
    }
  });

  it.each(['host', 'device'] as const)(
    'windowed whole-image sizes (%s engine) equal the full-size one-pixel sizes',
    async (engine) => {
      const stats = await imageStatistics(net, gates, { batchSize: 13, engine });
      let err = 0;
      for (const [i, p] of Array.from(stats.pixels).entries()) {
        const q = await queryPixels(net, gates, [p], { chains: false });
        q.sizes.forEach((s, l) => {
          const C = q.layers[l]!.channels;
          for (const m of ['signed', 'positive', 'l1'] as const) {
            const scale = Math.max(1, maxAbs(s.l1));
            err = Math.max(
              err,
              maxAbsDiff(stats.sizes[l]![m].subarray(i * C, (i + 1) * C), s[m]) / scale,
            );
          }
        });
      }
      expect(err).toBeLessThan(REL);
    },
  );

  it('completeness at every layer (host, device and full-size engines)', async () => {
    const scale = gates.activation.map((h) => Math.max(1, maxAbs(h)));
    for (const engine of ['host', 'device'] as const) {
      (await completenessError(net, gates, { batchSize: 7, engine })).forEach((e, l) =>
        expect(e / scale[l]!).toBeLessThan(REL),
      );
    }
    (await completenessByPixels(net, gates, nonZero)).forEach((e, l) =>
      expect(e / scale[l]!).toBeLessThan(REL),
    );
  });

  it('size = gradient × input (tf.grad through the Keras layers), both engines', async () => {
    expect(await sizeVsGradient(model, net, gates, undefined, 'host')).toBeLessThan(REL);
    expect(await sizeVsGradient(model, net, gates, undefined, 'device')).toBeLessThan(REL);
  });

  it('flows: Σ_k F_l = R at every layer, edges balance, R matches relevance and logit diffusion', async () => {
    const stats = await imageStatistics(net, gates);
    const partial = await imageStatistics(net, gates, { pixels: nonZero.slice(0, 3) }); // backward path
    const HW = shape[0] * shape[1];
    for (const p of nonZero.slice(0, 3)) {
      for (let c = 0; c < net.classCount; c++) {
        expect(
          Math.abs(partial.relevance[c * HW + p]! - stats.relevance[c * HW + p]!),
        ).toBeLessThan(REL * Math.max(1, maxAbs(stats.relevance)));
      }
    }
    for (const p of nonZero.slice(0, 5)) {
      for (let c = 0; c < net.classCount; c++) {
        const e = await flowErrors(net, gates, [p], c, stats);
        expect(e.layerSum / e.scale).toBeLessThan(REL);
        expect(e.conservation / e.scale).toBeLessThan(REL);
        expect(e.relevanceVsStats / e.scale).toBeLessThan(REL);
        expect(e.relevanceVsLogitDiffusion / e.scale).toBeLessThan(REL);
      }
    }
  });

  it('chains sum to the whole (exhaustive) and a wide beam finds the largest chain', async () => {
    const p = nonZero[Math.floor(nonZero.length / 2)]!;
    const c = gates.prediction;
    const chains = await allChainFlows(net, gates, [p], c);
    const total = chains.reduce((a, ch) => a + ch.flow, 0);
    const q = await queryPixels(net, gates, [p], {
      classIndex: c,
      beamWidth: 10_000,
      topChains: 5,
    });
    const scale = Math.max(1e-3, maxAbs(chains.map((ch) => ch.flow)));
    expect(Math.abs(total - q.relevance) / scale).toBeLessThan(REL);
    const best = chains.reduce((a, b) => (Math.abs(b.flow) > Math.abs(a.flow) ? b : a));
    expect(q.chains[0]!.maps).toEqual(best.maps);
    expect(Math.abs(q.chains[0]!.flow - best.flow) / scale).toBeLessThan(REL);
    expect(await chainSumError(net, gates, [p], c, [best.maps.slice(0, -1)])).toBeLessThan(
      REL * scale,
    );
  });
});
