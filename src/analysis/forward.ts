// The ordinary (biased, ungated) forward pass of a whole batch on the engine's Network, with
// optional channel ablation. It is the real model's arithmetic (same weights, BatchNorm folded),
// so it serves importance-by-ablation, the causal test and the gradient attacks.
// Tensor code only: call inside tf.tidy (or dispose the result).
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../pathways';

/**
 * masks[l] multiplies layer l's output (after its ReLU) channel-wise: shape [C_l] (same for every
 * image) or [B, C_l] (one mask per image); null or missing leaves the layer intact.
 */
export type ChannelMasks = ReadonlyArray<tf.Tensor | null | undefined>;

/** Layer l's output h_l for a batch whose input to layer `from` is `h` ([B,H,W,C] or [B,N]). */
export function runLayers(
  net: Network,
  h: tf.Tensor,
  from: number,
  to: number,
  masks: ChannelMasks = [],
): tf.Tensor {
  let out = h;
  for (let l = from; l <= to; l++) {
    const layer = net.layers[l]!;
    const params = net.tensors[l]!;
    let z: tf.Tensor;
    if (layer.kind === 'conv') {
      z = tf.add(
        tf.conv2d(out as tf.Tensor4D, params.weights as tf.Tensor4D, layer.strides, layer.padding),
        params.bias!,
      );
    } else if (layer.kind === 'pool') {
      z = tf.maxPool(out as tf.Tensor4D, layer.poolSize, layer.strides, layer.padding);
    } else {
      const flat = out.rank === 2 ? out : tf.reshape(out, [out.shape[0]!, -1]);
      z = tf.add(tf.matMul(flat as tf.Tensor2D, params.weights as tf.Tensor2D), params.bias!);
    }
    out = layer.relu ? tf.relu(z) : z;
    const mask = masks[l];
    if (mask) out = tf.mul(out, broadcastMask(mask, out.rank));
  }
  return out;
}

/** [C] or [B,C] → a shape that broadcasts over [B,H,W,C] or [B,C]. */
function broadcastMask(mask: tf.Tensor, rank: number): tf.Tensor {
  if (rank === 2 || mask.rank === 1) return mask;
  return tf.reshape(mask, [mask.shape[0]!, 1, 1, mask.shape[1]!]);
}

/** Logits [B, classes] of a batch x [B,H,W,C]. */
export function forwardLogits(net: Network, x: tf.Tensor4D, masks: ChannelMasks = []): tf.Tensor2D {
  return runLayers(net, x, 0, net.layers.length - 1, masks) as tf.Tensor2D;
}

/** The batch x [B,H,W,C] of `count` images stored back to back in `images`. */
export function batchTensor(
  net: Network,
  images: Float32Array,
  start: number,
  count: number,
): tf.Tensor4D {
  const { height: H, width: W, channels: C } = net.input;
  const n = H * W * C;
  return tf.tensor4d(images.subarray(start * n, (start + count) * n), [count, H, W, C]);
}

/** Per-image correctness and true-class probability of a batch's logits. */
export async function scoreLogits(
  logits: tf.Tensor2D,
  labels: ArrayLike<number>,
  offset: number,
): Promise<{ correct: Uint8Array; trueProbability: Float32Array; predictions: Int32Array }> {
  const [probT, predT] = tf.tidy(() => [tf.softmax(logits), tf.argMax(logits, 1)]);
  const [prob, pred] = await Promise.all([probT!.data(), predT!.data()]);
  probT!.dispose();
  predT!.dispose();
  const [B, K] = logits.shape;
  const correct = new Uint8Array(B);
  const trueProbability = new Float32Array(B);
  const predictions = Int32Array.from(pred);
  for (let b = 0; b < B; b++) {
    const y = labels[offset + b]!;
    correct[b] = predictions[b] === y ? 1 : 0;
    trueProbability[b] = prob[b * K + y]!;
  }
  return { correct, trueProbability, predictions };
}

/** Predictions and probabilities of many images, batched. */
export async function predictImages(
  net: Network,
  images: Float32Array,
  count: number,
  batchSize = 256,
): Promise<{ predictions: Int32Array; probabilities: Float32Array }> {
  const K = net.classCount;
  const predictions = new Int32Array(count);
  const probabilities = new Float32Array(count * K);
  for (let start = 0; start < count; start += batchSize) {
    const b = Math.min(batchSize, count - start);
    const probT = tf.tidy(() => tf.softmax(forwardLogits(net, batchTensor(net, images, start, b))));
    const prob = await probT.data();
    probT.dispose();
    probabilities.set(prob, start * K);
    for (let i = 0; i < b; i++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (prob[i * K + k]! > prob[i * K + best]!) best = k;
      predictions[start + i] = best;
    }
  }
  return { predictions, probabilities };
}
