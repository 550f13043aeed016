// The ordinary forward pass of the network (biases on, ReLUs and max-pools recomputed), batched:
// the one implementation behind the gates (definition 1), map importance by ablation
// (definition 9) and the gradient attacks of src/analysis (tf.grad runs through it). Synchronous
// tensor code: call inside tf.tidy (or dispose the results).
import * as tf from '@tensorflow/tfjs-core';
import { argMax } from '../model/predict';
import type { Network } from './network';

/** Pathway layer l on a batch `x` ([B,H,W,C] or [B,N]): z_l (before the ReLU) and h_l. */
export function layerForward(
  net: Network,
  l: number,
  x: tf.Tensor,
): { z: tf.Tensor; h: tf.Tensor } {
  const layer = net.layers[l]!;
  const params = net.tensors[l]!;
  let z: tf.Tensor;
  if (layer.kind === 'conv') {
    z = tf.add(
      tf.conv2d(x as tf.Tensor4D, params.weights as tf.Tensor4D, layer.strides, layer.padding),
      params.bias!,
    );
  } else if (layer.kind === 'pool') {
    z = tf.maxPool(x as tf.Tensor4D, layer.poolSize, layer.strides, layer.padding);
  } else {
    // A folded GlobalAveragePooling2D reads the channel means of its [B,H,W,C] input.
    let flat: tf.Tensor;
    if (layer.meanInput) flat = tf.mean(x, [1, 2]);
    else flat = x.rank === 2 ? x : tf.reshape(x, [x.shape[0]!, -1]);
    z = tf.add(tf.matMul(flat as tf.Tensor2D, params.weights as tf.Tensor2D), params.bias!);
  }
  return { z, h: layer.relu ? tf.relu(z) : z };
}

/** h_to of a batch whose input to layer `from` is `h` (from = 0: the images [B,H,W,C]). */
export function runLayers(net: Network, h: tf.Tensor, from: number, to: number): tf.Tensor {
  let out = h;
  for (let l = from; l <= to; l++) out = layerForward(net, l, out).h;
  return out;
}

/** Logits [B, classes] of a batch x [B,H,W,C]. */
export function forwardLogits(net: Network, x: tf.Tensor4D): tf.Tensor2D {
  return runLayers(net, x, 0, net.layers.length - 1) as tf.Tensor2D;
}

/** The batch x [B,H,W,C] of `count` images stored back to back in `images`, from image `start`. */
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
    for (let i = 0; i < b; i++) predictions[start + i] = argMax(prob.subarray(i * K, (i + 1) * K));
  }
  return { predictions, probabilities };
}
