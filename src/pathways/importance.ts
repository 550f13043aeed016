// Definition 9: feature-map importance. Zero one map (the whole channel of h_l, or one dense unit)
// and measure, over held-out images, the drop in accuracy and in the true class's probability.
// This is the engine-level computation; caching per model and the UI belong to the analyses.
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from './network';

export interface ImportanceOptions {
  /** Pathway layers to ablate (default: every layer except the logits). */
  layers?: number[];
  /** Images per device batch (default 256). */
  batchSize?: number;
  /** Called after each ablated map with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface MapImportance {
  /** Accuracy and mean true-class probability of the intact network on these images. */
  baseAccuracy: number;
  baseTrueProbability: number;
  /** layers[i] = pathway layer index of accuracyDrop[i] etc. */
  layers: number[];
  /** accuracyDrop[i][k] = accuracy(intact) − accuracy(map k of layers[i] zeroed), in [−1, 1]. */
  accuracyDrop: Float32Array[];
  /** probabilityDrop[i][k] = mean over images of p_true(intact) − p_true(map k zeroed). */
  probabilityDrop: Float32Array[];
  /** rank[i] = map indices of layers[i] by accuracy drop, then probability drop (most important first). */
  rank: Int32Array[];
}

/** The ordinary layer l (with bias and ReLU) on a batch. Call inside tidy. */
function layerForward(net: Network, l: number, x: tf.Tensor): tf.Tensor {
  const layer = net.layers[l]!;
  const p = net.tensors[l]!;
  let z: tf.Tensor;
  if (layer.kind === 'conv') {
    const y = tf.conv2d(x as tf.Tensor4D, p.weights as tf.Tensor4D, layer.strides, layer.padding);
    z = tf.add(y, p.bias!);
  } else if (layer.kind === 'pool') {
    z = tf.maxPool(x as tf.Tensor4D, layer.poolSize, layer.strides, layer.padding);
  } else {
    z = tf.add(tf.matMul(tf.reshape(x, [x.shape[0]!, -1]), p.weights as tf.Tensor2D), p.bias!);
  }
  return layer.relu ? tf.relu(z) : z;
}

function forwardFrom(net: Network, from: number, h: tf.Tensor): tf.Tensor {
  let x = h;
  for (let l = from; l < net.layers.length; l++) x = layerForward(net, l, x);
  return x;
}

/**
 * `images`: N × (H·W·C) model inputs (NHWC, normalised), `labels`: N class indices.
 * Cost: one forward of the layers after l per ablated map of layer l, batched over images.
 */
export async function mapImportance(
  net: Network,
  images: Float32Array,
  labels: ArrayLike<number>,
  options: ImportanceOptions = {},
): Promise<MapImportance> {
  const { height: H, width: W, channels: C } = net.input;
  const N = labels.length;
  if (images.length !== N * H * W * C) throw new Error(`Expected ${N} images of ${H}×${W}×${C}.`);
  const L = net.layers.length;
  const layers = options.layers ?? net.layers.map((_, l) => l).filter((l) => l < L - 1);
  const batch = Math.max(1, Math.floor(options.batchSize ?? 256));
  const maps = layers.reduce((n, l) => n + net.layers[l]!.info.channels, 0);
  const total = maps * Math.ceil(N / batch);
  const labelT = Int32Array.from(labels);
  const correct = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  const prob = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  let baseCorrect = 0;
  let baseProb = 0;
  let done = 0;

  /** Number correct and Σ p_true of a logits batch, read back. */
  const score = async (logits: tf.Tensor, y: tf.Tensor1D): Promise<[number, number]> => {
    const t = tf.tidy(() => {
      const hit = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32'));
      const p = tf.sum(tf.mul(tf.softmax(logits), tf.oneHot(y, net.classCount)));
      return tf.stack([hit, p]);
    });
    const v = await t.data();
    t.dispose();
    return [v[0]!, v[1]!];
  };

  for (let start = 0; start < N; start += batch) {
    const n = Math.min(batch, N - start);
    const x = tf.tensor4d(images.subarray(start * H * W * C, (start + n) * H * W * C), [
      n,
      H,
      W,
      C,
    ]);
    const y = tf.tensor1d(labelT.subarray(start, start + n), 'int32');
    // Cache every layer's output once per batch.
    const acts = tf.tidy(() => {
      const out: tf.Tensor[] = [];
      let h: tf.Tensor = x;
      for (let l = 0; l < L; l++) {
        h = layerForward(net, l, h);
        out.push(h);
      }
      return out;
    });
    try {
      const [bc, bp] = await score(acts[L - 1]!, y);
      baseCorrect += bc;
      baseProb += bp;
      for (const [i, l] of layers.entries()) {
        const Cl = net.layers[l]!.info.channels;
        for (let k = 0; k < Cl; k++) {
          const logits = tf.tidy(() => {
            const keep = tf.sub(1, tf.oneHot(tf.tensor1d([k], 'int32'), Cl));
            const ablated = tf.mul(
              acts[l]!,
              tf.reshape(keep, acts[l]!.rank === 4 ? [1, 1, 1, Cl] : [1, Cl]),
            );
            return forwardFrom(net, l + 1, ablated);
          });
          const [c, p] = await score(logits, y);
          logits.dispose();
          correct[i]![k]! += c;
          prob[i]![k]! += p;
          options.onProgress?.(++done, total);
        }
      }
    } finally {
      x.dispose();
      y.dispose();
      for (const t of acts) t.dispose();
    }
  }
  const baseAccuracy = baseCorrect / N;
  const baseTrueProbability = baseProb / N;
  const accuracyDrop = correct.map((c) => Float32Array.from(c, (v) => baseAccuracy - v / N));
  const probabilityDrop = prob.map((p) => Float32Array.from(p, (v) => baseTrueProbability - v / N));
  const rank = accuracyDrop.map((acc, i) => {
    const pd = probabilityDrop[i]!;
    return Int32Array.from(
      Array.from(acc.keys()).sort((a, b) => acc[b]! - acc[a]! || pd[b]! - pd[a]! || a - b),
    );
  });
  return { baseAccuracy, baseTrueProbability, layers, accuracyDrop, probabilityDrop, rank };
}
