// The exact identities of docs/method.md ("Exact checks and where they are tested") as one
// vitest suite per generated model: the variants (variants.test.ts) and the topologies of
// user models (topologies.test.ts) each register it on their own networks. The measurements
// themselves live in identities.ts; this file only decides what is asserted, and how tightly.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
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
} from '../index';
import { useWasm } from './backend';
import { maxAbs, maxAbsDiff } from './checks';
import {
  allChainFlows,
  chainSumError,
  completenessByPixels,
  expectedFootprint,
  flowErrors,
  referenceDiffusionError,
  sizeVsGradient,
} from './identities';
import { blobImage } from './models';

export interface IdentitySuiteOptions {
  /** Relative float32 tolerance (default 2e-5: sums of a few hundred products). */
  tolerance?: number;
  /** What model.predict returns: the logits (default) or, with a final softmax, probabilities. */
  output?: 'logits' | 'probabilities';
  /** Classes whose flows are checked (default every class). */
  classes?: (net: Network, gates: Gates) => number[];
  /**
   * Check every `pixelStride`-th analysed pixel where a check runs one query per pixel (windowed
   * vs full-size sizes); default 1 (all). Completeness always sums every pixel.
   */
  pixelStride?: number;
  /** Seed and blank margin of the test image (blobImage). */
  imageSeed?: number;
  margin?: number;
}

/** Registers the identity suite for the model `make` builds (input `shape` = [H, W, C]). */
export function describeIdentities(
  label: string,
  shape: [number, number, number],
  make: () => tfl.LayersModel,
  options: IdentitySuiteOptions = {},
): void {
  const REL = options.tolerance ?? 2e-5;
  const stride = Math.max(1, options.pixelStride ?? 1);

  describe(label, () => {
    let model: tfl.LayersModel;
    let net: Network;
    let gates: Gates;
    let nonZero: number[];
    let classes: number[];

    beforeAll(async () => {
      await useWasm();
      model = make();
      net = buildNetwork(model);
      const image = blobImage(
        shape[0],
        shape[1],
        shape[2],
        options.imageSeed ?? 42,
        options.margin ?? 1,
      );
      gates = await computeGates(net, image);
      const stats = await imageStatistics(net, gates);
      nonZero = Array.from(stats.pixels);
      classes = options.classes
        ? options.classes(net, gates)
        : Array.from({ length: net.classCount }, (_, c) => c);
    });
    afterAll(() => {
      disposeNetwork(net);
      model.dispose();
    });

    it(`forward pass matches model.predict (${options.output ?? 'logits'})`, () => {
      const expected = tf.tidy(() =>
        (model.predict(tf.tensor4d(gates.image, [1, ...shape])) as tf.Tensor).dataSync(),
      );
      const got = options.output === 'probabilities' ? gates.probabilities : gates.logits;
      expect(maxAbsDiff(got, expected)).toBeLessThan(1e-5 * Math.max(1, maxAbs(expected)));
    });

    it('every hidden pathway layer outputs what its last Keras layer does (layer.apply)', () => {
      const byName = new Map<string, Float32Array>();
      tf.tidy(() => {
        let t: tf.Tensor = tf.tensor4d(gates.image, [1, ...shape]);
        for (const layer of model.layers) {
          if (layer.getClassName() === 'InputLayer') continue;
          t = layer.apply(t) as tf.Tensor;
          byName.set(layer.name, Float32Array.from(t.dataSync()));
        }
      });
      // The logits layer is the forward-pass check above (a softmax may follow it in Keras).
      net.layers.slice(0, -1).forEach((layer, l) => {
        const expected = byName.get(layer.sources[layer.sources.length - 1]!)!;
        const got = gates.activation[l]!;
        expect(maxAbsDiff(got, expected)).toBeLessThan(REL * Math.max(1, maxAbs(expected)));
      });
    });

    it('diffusion matches the float64 reference; a first conv stamps its rotated kernel', async () => {
      const some = nonZero.filter((_p, i) => i % 7 === 0);
      expect(await referenceDiffusionError(net, gates, some)).toBeLessThan(REL);
      if (net.layers[0]!.kind !== 'conv') return;
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
          if (i % stride !== 0) continue;
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
        for (const c of classes) {
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
}
