// Every exact check of docs/method.md on the SHIPPED MNIST model (public/models/mnist) and samples
// (public/samples/mnist.*), on the wasm backend, in float32. Tolerances are relative to the
// magnitude of the quantities compared (max |h_l| per layer, max |F| for flows) and were set ~10×
// above the errors measured here (3e-7 to 1.3e-6 relative), so they catch any real mistake (those are
// O(1)) without flaking on summation order.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModel, readSampleSet, sampleInput } from '../../scripts/lib/shipped';
import {
  buildNetwork,
  chainPrefixFlows,
  completenessError,
  computeGates,
  createNetwork,
  disposeNetwork,
  imageStatistics,
  nonZeroPixels,
  queryPixels,
  specFromModel,
  type Gates,
  type Network,
} from './index';
import { maxAbs, maxAbsDiff } from './testing/checks';
import {
  chainSumError,
  completenessByPixels,
  expectedFootprint,
  flowErrors,
  referenceDiffusionError,
  sizeVsGradient,
} from './testing/identities';
import { vggLikeModel } from './testing/models';

const REL = 1e-5;
const SAMPLES = [3, 123, 456]; // a 0, a 2 and a 9 from public/samples/mnist
let model: LayersModel;
let net: Network;
const images: Float32Array[] = [];
const gatesOf: Gates[] = [];

beforeAll(async () => {
  model = await loadShippedModel('mnist');
  net = buildNetwork(model);
  const set = readSampleSet('mnist');
  for (const s of SAMPLES) {
    const image = sampleInput(set, s);
    images.push(image);
    gatesOf.push(await computeGates(net, image));
  }
});

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

function nonZero(image: Float32Array): number[] {
  return Array.from(nonZeroPixels({ image, input: net.input }));
}

describe('shipped MNIST model: exact identities', () => {
  it('is traced as the documented architecture and its forward pass matches model.predict', () => {
    expect(net.layers.map((l) => l.info.name).join(' ')).toBe(
      'conv1_1 conv1_2 pool1 conv2_1 conv2_2 pool2 dense1 logits',
    );
    gatesOf.forEach((g, i) => {
      const expected = tf.tidy(() =>
        (model.predict(tf.tensor4d(images[i]!, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
      );
      expect(maxAbsDiff(g.logits, expected) / maxAbs(expected)).toBeLessThan(REL);
    });
  });

  it('completeness Σ_p D_l^p + B_l = h_l at every layer incl. the logits (both engines)', async () => {
    for (const [i, g] of gatesOf.entries()) {
      const scale = g.activation.map((h) => Math.max(1, maxAbs(h)));
      for (const engine of ['host', 'device'] as const) {
        const windowed = await completenessError(net, g, { engine });
        windowed.forEach((e, l) => expect(e / scale[l]!).toBeLessThan(REL));
      }
      if (i === 0) {
        const full = await completenessByPixels(net, g, nonZero(images[i]!));
        full.forEach((e, l) => expect(e / scale[l]!).toBeLessThan(REL));
      }
    }
  });

  it('layer-1 footprint = 180°-rotated kernel × x_p (gated), and D matches a float64 reference', async () => {
    const g = gatesOf[0]!;
    const pixels = nonZero(images[0]!).filter((_p, i) => i % 10 === 0);
    for (const p of pixels) {
      const q = await queryPixels(net, g, [p], { chains: false });
      const expected = expectedFootprint(net, g, p);
      expect(maxAbsDiff(q.diffusion[0]!, expected)).toBeLessThan(1e-6);
    }
    expect(await referenceDiffusionError(net, g, pixels.slice(0, 4))).toBeLessThan(REL);
  });

  it('size = gradient × input through tf.grad, for every map of every layer', async () => {
    expect(await sizeVsGradient(model, net, gatesOf[1]!)).toBeLessThan(REL);
  });

  it.each(['host', 'device'] as const)(
    'windowed whole-image sizes (%s engine) equal the full-size query sizes',
    async (engine) => {
      const g = gatesOf[2]!;
      const stats = await imageStatistics(net, g, { engine });
      let err = 0;
      for (const [i, p] of Array.from(stats.pixels).entries()) {
        if (i % 3 !== 0) continue;
        const q = await queryPixels(net, g, [p], { chains: false });
        q.sizes.forEach((s, l) => {
          const C = q.layers[l]!.channels;
          const scale = Math.max(1, maxAbs(s.l1));
          for (const m of ['signed', 'positive', 'l1'] as const) {
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

  it('Σ_k F_l = R_c(p) at every layer and edge flows balance at every node, every class', async () => {
    const g = gatesOf[0]!;
    const pixels = nonZero(images[0]!);
    const stats = await imageStatistics(net, g);
    for (const p of [pixels[5]!, pixels[40]!, pixels[pixels.length - 3]!]) {
      for (let c = 0; c < 10; c++) {
        const e = await flowErrors(net, g, [p], c, stats);
        expect(e.layerSum / e.scale).toBeLessThan(REL);
        expect(e.conservation / e.scale).toBeLessThan(REL);
        expect(e.relevanceVsStats / e.scale).toBeLessThan(REL);
        expect(e.relevanceVsLogitDiffusion / e.scale).toBeLessThan(REL);
      }
    }
    // A pixel set (brush) as well.
    const e = await flowErrors(net, g, pixels.slice(10, 30), g.prediction, stats);
    expect(e.conservation / e.scale).toBeLessThan(REL);
  });

  it('chains: extensions of every prefix sum to it, down to the logit; beam chains are exact flows', async () => {
    const g = gatesOf[1]!;
    const p = nonZero(images[1]!)[25]!;
    const q = await queryPixels(net, g, [p], { beamWidth: 16, topChains: 5 });
    expect(q.chains.length).toBe(5);
    for (let i = 1; i < q.chains.length; i++) {
      expect(Math.abs(q.chains[i - 1]!.flow)).toBeGreaterThanOrEqual(Math.abs(q.chains[i]!.flow));
    }
    const prefixes = q.chains.map((c) => c.maps.slice(0, -1));
    prefixes.push([3, 5, 5, 0, 12, 12, 40]); // an arbitrary chain too
    const scale = Math.max(...q.nodeFlow.map((F) => maxAbs(F)));
    expect((await chainSumError(net, g, [p], g.prediction, prefixes)) / scale).toBeLessThan(REL);
    for (const chain of q.chains) {
      const last = await chainPrefixFlows(net, g, [p], chain.maps.slice(0, -1));
      expect(Math.abs(last[g.prediction]! - chain.flow) / scale).toBeLessThan(REL);
    }
  });

  it('a zero pixel has no diffusion', async () => {
    const g = gatesOf[0]!;
    const q = await queryPixels(net, g, [0]);
    for (const d of q.diffusion) expect(maxAbs(d)).toBe(0);
    expect(q.relevance).toBe(0);
    expect(q.nodeFlow.every((F) => maxAbs(F) === 0)).toBe(true);
  });

  it('a shift by the total pool stride (4) shifts every spatial map and keeps every size', async () => {
    // Zero padding makes maps near the border differ, so the shipped kernels are run on a 56×56
    // canvas where the digit stays ≥ 10 px from every border (the dense head is irrelevant here).
    const spec = specFromModel(model);
    const big = vggLikeModel({ input: [56, 56, 1] });
    const bigSpec = specFromModel(big);
    bigSpec.layers.forEach((layer, l) => {
      const src = spec.layers[l]!;
      if (layer.kind === 'conv' && src.kind === 'conv') {
        layer.kernel.set(src.kernel);
        layer.bias.set(src.bias);
      }
    });
    const canvas = createNetwork(bigSpec);
    const place = (dr: number, dc: number) => {
      const out = new Float32Array(56 * 56);
      for (let r = 0; r < 28; r++)
        for (let c = 0; c < 28; c++)
          out[(r + 14 + dr) * 56 + c + 14 + dc] = images[1]![r * 28 + c]!;
      return out;
    };
    const a = await computeGates(canvas, place(0, 0));
    const b = await computeGates(canvas, place(4, 4));
    const p = nonZero(images[1]!)[30]!;
    const pa = (Math.floor(p / 28) + 14) * 56 + (p % 28) + 14;
    const pb = pa + 4 * 56 + 4;
    const qa = await queryPixels(canvas, a, [pa], { chains: false });
    const qb = await queryPixels(canvas, b, [pb], { chains: false });
    const sa = await imageStatistics(canvas, a);
    const sb = await imageStatistics(canvas, b);
    expect(Array.from(sb.pixels)).toEqual(Array.from(sa.pixels, (x) => x + 4 * 56 + 4));
    canvas.layers.forEach((layer, l) => {
      if (layer.kind !== 'conv' && layer.kind !== 'pool') return;
      const { height: H, width: W, channels: C } = layer.info;
      const shift = (4 * H) / 56;
      const da = qa.diffusion[l]!;
      const db = qb.diffusion[l]!;
      let err = 0;
      for (let u = 0; u < H; u++) {
        for (let v = 0; v < W; v++) {
          for (let k = 0; k < C; k++) {
            const inB =
              u + shift < H && v + shift < W ? db[((u + shift) * W + v + shift) * C + k]! : 0;
            err = Math.max(err, Math.abs(da[(u * W + v) * C + k]! - inB));
          }
        }
      }
      expect(err).toBe(0);
      for (const m of ['signed', 'positive', 'l1'] as const) {
        expect(maxAbsDiff(sa.sizes[l]![m], sb.sizes[l]![m])).toBeLessThan(
          1e-6 * Math.max(1, maxAbs(sa.sizes[l]![m])),
        );
      }
    });
    disposeNetwork(canvas);
    big.dispose();
  });

  it('tensor count is flat over 500 calls', async () => {
    const g = gatesOf[0]!;
    const pixels = nonZero(images[0]!);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) {
      if (i % 50 === 0) await imageStatistics(net, await computeGates(net, images[i % 3]!));
      else await queryPixels(net, g, [pixels[i % pixels.length]!], { beamWidth: 8, topChains: 3 });
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('shipped Fashion-MNIST model', () => {
  it('passes completeness, Σ_k F_l = R and edge balance as well', async () => {
    const fashion = await loadShippedModel('fashion');
    const fnet = buildNetwork(fashion);
    const image = sampleInput(readSampleSet('fashion'), 7);
    const g = await computeGates(fnet, image);
    const scale = g.activation.map((h) => Math.max(1, maxAbs(h)));
    (await completenessError(fnet, g)).forEach((e, l) => expect(e / scale[l]!).toBeLessThan(REL));
    const e = await flowErrors(fnet, g, [14 * 28 + 14], g.prediction);
    expect(e.layerSum / e.scale).toBeLessThan(REL);
    expect(e.conservation / e.scale).toBeLessThan(REL);
    disposeNetwork(fnet);
    fashion.dispose();
  });
});
