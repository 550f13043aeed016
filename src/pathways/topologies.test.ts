// The topologies of user models ("bring your own CNN", testing/topologies.ts): every exact
// identity of the variant suite on each (testing/identity-suite.ts), then whole-image statistics,
// the per-image forward view and map importance on the average- and global-average-pooling
// models, against Keras itself where an independent answer exists.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  biasPathway,
  buildNetwork,
  computeGates,
  disposeNetwork,
  imageForward,
  imageStatistics,
  mapImportance,
  type Gates,
  type Network,
} from './index';
import { useWasm } from './testing/backend';
import { maxAbs, maxAbsDiff } from './testing/checks';
import { describeIdentities } from './testing/identity-suite';
import { blobImage } from './testing/models';
import { TOPOLOGIES, type Topology } from './testing/topologies';

const REL = 2e-5;

for (const t of TOPOLOGIES) {
  describeIdentities(t.label, t.shape, t.make, {
    output: t.softmax ? 'probabilities' : 'logits',
    // 100 classes: the prediction and a spread of others (every class would be 500 queries).
    classes: (net, gates) =>
      net.classCount > 10
        ? [...new Set([gates.prediction, 0, 1, 37, net.classCount - 1])]
        : Array.from({ length: net.classCount }, (_, c) => c),
    pixelStride: t.shape[0] * t.shape[1] > 400 ? 9 : 1,
  });
}

function topology(prefix: string): Topology {
  const t = TOPOLOGIES.find((x) => x.label.startsWith(prefix));
  if (!t) throw new Error(`no topology ${prefix}`);
  return t;
}

/** N seeded test images of the topology's shape, back to back. */
function images(t: Topology, N: number): Float32Array {
  const [H, W, C] = t.shape;
  const out = new Float32Array(N * H * W * C);
  for (let i = 0; i < N; i++) out.set(blobImage(H, W, C, 500 + i, 1 + (i % 2)), i * H * W * C);
  return out;
}

/**
 * Accuracy and mean true-class probability drops when output channel k of Keras layer `name`
 * (a Conv2D or Dense: kernel column k and bias k) is zeroed, from model.predict alone.
 */
function kerasDrop(
  t: Topology,
  model: tfl.LayersModel,
  x: tf.Tensor4D,
  labels: number[],
  name: string,
  k: number,
): { accuracy: number; probability: number } {
  const evaluate = () =>
    tf.tidy(() => {
      const predicted = model.predict(x) as tf.Tensor2D;
      const out = t.softmax ? predicted : tf.softmax(predicted);
      const y = tf.tensor1d(labels, 'int32');
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), y), 'float32')).dataSync()[0]!;
      const K = out.shape[1];
      const p = tf.mean(tf.sum(tf.mul(out, tf.oneHot(y, K)), 1)).dataSync()[0]!;
      return [acc, p] as const;
    });
  const [acc0, p0] = evaluate();
  const layer = model.getLayer(name);
  const original = layer.getWeights().map((w) => w.clone());
  tf.tidy(() => {
    const [w, b] = original as [tf.Tensor, tf.Tensor];
    const units = w.shape[w.rank - 1]!;
    const keep = tf.sub(1, tf.oneHot(tf.tensor1d([k], 'int32'), units));
    layer.setWeights([tf.mul(w, keep), tf.mul(b, tf.reshape(keep, [units]))]);
  });
  const [acc, p] = evaluate();
  layer.setWeights(original);
  original.forEach((w) => w.dispose());
  return { accuracy: acc0 - acc, probability: p0 - p };
}

describe.each([
  // [topology, pathway layer to ablate, the Keras layer whose channel that zeroes, map]
  ['(3)', 1, 'c1', 2], // avg1 map 2 = c1 map 2 (a ReLU map) averaged
  ['(4)', 3, 'd', 1], // the Dense that absorbed the global average (and its BN)
  ['(5)', 2, 'class_maps', 3], // the map averaged into class 3's logit
  ['(7)', 3, 'c3', 0], // the map averaged into the logits' Dense
] as const)(
  'whole-image statistics, forward view and importance on %s',
  (prefix, ablated, kerasLayer, k) => {
    const t = topology(prefix);
    let model: tfl.LayersModel;
    let net: Network;
    let gates: Gates;

    beforeAll(async () => {
      await useWasm();
      model = t.make();
      net = buildNetwork(model);
      gates = await computeGates(net, blobImage(t.shape[0], t.shape[1], t.shape[2], 42, 1));
    });
    afterAll(() => {
      disposeNetwork(net);
      model.dispose();
    });

    it('statistics: relevance = one backward pass (imageForward), Σ_p R + B = logits, completeness, codes', async () => {
      const stats = await imageStatistics(net, gates, { completeness: true, topM: 2 });
      const scale = gates.activation.map((h) => Math.max(1, maxAbs(h)));
      stats.completenessError!.forEach((e, l) => expect(e / scale[l]!).toBeLessThan(REL));
      // The windowed per-pixel forward through the pooling layers vs their transposes.
      const view = await imageForward(net, gates);
      const rScale = Math.max(1, maxAbs(stats.relevance));
      expect(maxAbsDiff(view.relevance, stats.relevance) / rScale).toBeLessThan(REL);
      view.activations.forEach((a, l) => expect(maxAbsDiff(a, gates.activation[l]!)).toBe(0));
      // Completeness at the logits through the relevance: Σ_p R_c(p) + B_logits[c] = z_c.
      const bias = (await biasPathway(net, gates)).at(-1)!;
      const HW = t.shape[0] * t.shape[1];
      for (let c = 0; c < net.classCount; c++) {
        let total = bias[c]!;
        for (let p = 0; p < HW; p++) total += stats.relevance[c * HW + p]!;
        expect(Math.abs(total - gates.logits[c]!) / scale.at(-1)!).toBeLessThan(REL);
      }
      // Definitions 7–8 on every layer, the pooling layers included.
      const P = stats.pixels.length;
      expect(P).toBeGreaterThan(0);
      stats.layers.forEach((info, l) => {
        const m = Math.min(2, info.channels);
        const shares = stats.portionHot[l]!.reduce((a, b) => a + b, 0);
        expect(shares).toBeCloseTo(m, 5);
        for (const n of stats.counts[l]!) expect(n).toBeLessThanOrEqual(P);
      });
    });

    it('map importance equals zeroing the channel in the Keras model', async () => {
      const N = 8;
      const data = images(t, N);
      const labels = Array.from({ length: N }, (_, i) => i % net.classCount);
      const r = await mapImportance(net, data, labels, { layers: [ablated], batchSize: 5 });
      const x = tf.tensor4d(data, [N, ...t.shape]);
      try {
        const expected = kerasDrop(t, model, x, labels, kerasLayer, k);
        expect(r.accuracyDrop[0]![k]).toBeCloseTo(expected.accuracy, 6);
        expect(r.probabilityDrop[0]![k]).toBeCloseTo(expected.probability, 5);
      } finally {
        x.dispose();
      }
    });
  },
);
