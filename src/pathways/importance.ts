// Definition 9: feature-map importance. Zero one map (the whole channel of h_l, or one dense unit),
// run the rest of the network normally (forward.ts: biases on, ReLUs and pools recomputed) and
// measure, over held-out images, the drop in accuracy and in the true class's probability. This
// is the one implementation; src/analysis/importance.ts builds the cached, cancellable analysis
// (ranking choice, JSON cache) on it.
import * as tf from '@tensorflow/tfjs-core';
import { batchTensor, runLayers } from './forward';
import type { Network } from './network';

export interface MapImportanceOptions {
  /** Pathway layers to ablate (default: every layer except the logits). */
  layers?: number[];
  /** Images per device batch (default 256). */
  batchSize?: number;
  /** Called after each ablated map (every batch) with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called after each batch's intact pass (before its ablations). */
  onBaseline?: () => void;
  /** Awaited before each ablated map (e.g. to let a cancel message in and stop). */
  beforeMap?: () => Promise<void>;
}

export interface MapImportance {
  /** Accuracy and mean true-class probability of the intact network on these images. */
  baseAccuracy: number;
  baseTrueProbability: number;
  /** layers[i] = pathway layer index of accuracyDrop[i] etc. */
  layers: number[];
  /** accuracyDrop[i][k] = accuracy(intact) − accuracy(map k of layers[i] zeroed), in [−1, 1]. */
  accuracyDrop: number[][];
  /** probabilityDrop[i][k] = mean over images of p_true(intact) − p_true(map k zeroed). */
  probabilityDrop: number[][];
  /** rank[i] = map indices of layers[i] by accuracy drop, then probability drop (most important first). */
  rank: number[][];
}

/** Per-image correctness and true-class probability of a batch's logits (labels from `offset`). */
export async function scoreLogits(
  logits: tf.Tensor2D,
  labels: ArrayLike<number>,
  offset: number,
): Promise<{ correct: Uint8Array; trueProbability: Float32Array }> {
  const [probT, predT] = tf.tidy(() => [tf.softmax(logits), tf.argMax(logits, 1)]);
  const [prob, pred] = await Promise.all([probT!.data(), predT!.data()]);
  probT!.dispose();
  predT!.dispose();
  const [B, K] = logits.shape;
  const correct = new Uint8Array(B);
  const trueProbability = new Float32Array(B);
  for (let b = 0; b < B; b++) {
    const y = labels[offset + b]!;
    correct[b] = pred[b] === y ? 1 : 0;
    trueProbability[b] = prob[b * K + y]!;
  }
  return { correct, trueProbability };
}

/** Layers whose maps are ablated by default: all but the logits. */
export function ablatableLayers(net: Network): number[] {
  return net.layers.flatMap((l, i) => (l.kind === 'logits' ? [] : [i]));
}

/**
 * `images`: N × (H·W·C) model inputs (NHWC, normalised), `labels`: N class indices.
 * Cost per batch: one forward to layer l, then one forward of the layers after l per ablated map.
 */
export async function mapImportance(
  net: Network,
  images: Float32Array,
  labels: ArrayLike<number>,
  options: MapImportanceOptions = {},
): Promise<MapImportance> {
  const { height: H, width: W, channels: C } = net.input;
  const N = labels.length;
  if (images.length !== N * H * W * C) throw new Error(`Expected ${N} images of ${H}×${W}×${C}.`);
  const layers = options.layers ?? ablatableLayers(net);
  const batch = Math.max(1, Math.floor(options.batchSize ?? 256));
  const last = net.layers.length - 1;
  const maps = layers.reduce((n, l) => n + net.layers[l]!.info.channels, 0);
  const total = maps * Math.ceil(N / batch);
  const correct = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  const prob = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  let baseCorrect = 0;
  let baseProb = 0;
  let done = 0;
  for (let start = 0; start < N; start += batch) {
    const b = Math.min(batch, N - start);
    const x = batchTensor(net, images, start, b);
    try {
      const base = tf.tidy(() => runLayers(net, x, 0, last) as tf.Tensor2D);
      const s = await scoreLogits(base, labels, start);
      base.dispose();
      for (let i = 0; i < b; i++) {
        baseCorrect += s.correct[i]!;
        baseProb += s.trueProbability[i]!;
      }
      options.onBaseline?.();
      for (const [li, l] of layers.entries()) {
        const Cl = net.layers[l]!.info.channels;
        // Layers up to l are shared by every ablation of l: compute h_l once per batch.
        const h = tf.tidy(() => runLayers(net, x, 0, l));
        try {
          for (let k = 0; k < Cl; k++) {
            await options.beforeMap?.();
            const logits = tf.tidy(() => {
              const keep = new Float32Array(Cl).fill(1);
              keep[k] = 0;
              const ablated = tf.mul(h, tf.tensor1d(keep));
              return (l === last ? ablated : runLayers(net, ablated, l + 1, last)) as tf.Tensor2D;
            });
            const r = await scoreLogits(logits, labels, start);
            logits.dispose();
            for (let i = 0; i < b; i++) {
              correct[li]![k] = correct[li]![k]! + r.correct[i]!;
              prob[li]![k] = prob[li]![k]! + r.trueProbability[i]!;
            }
            options.onProgress?.(++done, total);
          }
        } finally {
          h.dispose();
        }
      }
    } finally {
      x.dispose();
    }
  }
  const baseAccuracy = baseCorrect / N;
  const baseTrueProbability = baseProb / N;
  const accuracyDrop = correct.map((c) => Array.from(c, (v) => baseAccuracy - v / N));
  const probabilityDrop = prob.map((p) => Array.from(p, (v) => baseTrueProbability - v / N));
  const rank = accuracyDrop.map((acc, i) => {
    const pd = probabilityDrop[i]!;
    return Array.from(acc.keys()).sort((a, b) => acc[b]! - acc[a]! || pd[b]! - pd[a]! || a - b);
  });
  return { baseAccuracy, baseTrueProbability, layers, accuracyDrop, probabilityDrop, rank };
}
