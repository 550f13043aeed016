// Definition 1: the gates of an image, from one ordinary forward pass of the whole network.
import * as tf from '@tensorflow/tfjs-core';
import { pack, readPacked } from './device';
import { layerInfos, size, type Network, type PoolSpec } from './network';
import type { Gates } from './types';

/**
 * The ordinary forward pass (with biases) on the device. Returns z_l and h_l tensors for every
 * pathway layer (shapes [1,H,W,C] for spatial layers, [1,N] for dense); the caller disposes them
 * (or calls this inside a tidy).
 */
export function forwardTensors(
  net: Network,
  image: tf.Tensor4D,
): Array<{ z: tf.Tensor; h: tf.Tensor }> {
  return tf.tidy(() => {
    const out: Array<{ z: tf.Tensor; h: tf.Tensor }> = [];
    let h: tf.Tensor = image;
    net.layers.forEach((layer, l) => {
      const params = net.tensors[l]!;
      let z: tf.Tensor;
      if (layer.kind === 'conv') {
        z = tf.add(
          tf.conv2d(h as tf.Tensor4D, params.weights as tf.Tensor4D, layer.strides, layer.padding),
          params.bias!,
        );
      } else if (layer.kind === 'pool') {
        z = tf.maxPool(h as tf.Tensor4D, layer.poolSize, layer.strides, layer.padding);
      } else {
        z = tf.add(tf.matMul(tf.reshape(h, [1, -1]), params.weights as tf.Tensor2D), params.bias!);
      }
      h = layer.relu ? tf.relu(z) : z;
      out.push({ z, h });
    });
    return out;
  });
}

/** Switch of every max-pool output element (first maximum in row-major window order). */
export function poolSwitches(layer: PoolSpec, input: Float32Array): Int32Array {
  const [hIn, wIn, c] = layer.inShape;
  const { height: hOut, width: wOut } = layer.info;
  const [kh, kw] = layer.poolSize;
  const [sh, sw] = layer.strides;
  const { top, left } = layer.pads;
  const switches = new Int32Array(hOut * wOut * c);
  for (let u = 0; u < hOut; u++) {
    for (let v = 0; v < wOut; v++) {
      for (let ch = 0; ch < c; ch++) {
        let best = -Infinity;
        let arg = -1;
        for (let a = 0; a < kh; a++) {
          const r = u * sh - top + a;
          if (r < 0 || r >= hIn) continue;
          for (let b = 0; b < kw; b++) {
            const col = v * sw - left + b;
            if (col < 0 || col >= wIn) continue;
            const idx = (r * wIn + col) * c + ch;
            const value = input[idx]!;
            if (value > best || arg < 0) {
              best = value;
              arg = idx;
            }
          }
        }
        switches[(u * wOut + v) * c + ch] = arg;
      }
    }
  }
  return switches;
}

function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float32Array(logits.length);
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    total += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / total;
  return out;
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/**
 * Definition 1. `image` is the model input x, H×W×C NHWC (already normalised, e.g. pixel/255).
 * One forward pass on the current backend; masks and pool switches are derived on the CPU.
 */
export async function computeGates(net: Network, image: Float32Array): Promise<Gates> {
  const { height, width, channels } = net.input;
  if (image.length !== height * width * channels) {
    throw new Error(
      `Image has ${image.length} values; the model expects ${height}×${width}×${channels}.`,
    );
  }
  // One read-back: every z_l in one flat tensor; h_l = relu(z_l) (or z_l) is exact on the host.
  const packed = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, height, width, channels]);
    return pack(forwardTensors(net, x).map(({ z }) => z));
  });
  const values = await readPacked(packed);
  const preActivation: Float32Array[] = [];
  const activation: Float32Array[] = [];
  const masks: Array<Float32Array | null> = [];
  const switches: Array<Int32Array | null> = [];
  net.layers.forEach((layer, l) => {
    const z = values[l]!;
    preActivation.push(z);
    if (layer.relu) {
      const h = new Float32Array(z.length);
      const m = new Float32Array(z.length);
      for (let i = 0; i < z.length; i++) {
        const open = z[i]! > 0;
        h[i] = open ? z[i]! : 0;
        m[i] = open ? 1 : 0;
      }
      activation.push(h);
      masks.push(m);
    } else {
      activation.push(Float32Array.from(z));
      masks.push(null);
    }
    if (layer.kind === 'pool') {
      const prev = l === 0 ? image : activation[l - 1]!;
      switches.push(poolSwitches(layer, prev));
    } else {
      switches.push(null);
    }
  });
  const logits = activation[activation.length - 1]!;
  if (logits.length !== net.classCount || size([logits.length]) === 0) {
    throw new Error('The network produced no logits.');
  }
  const probabilities = softmax(logits);
  return {
    input: { ...net.input },
    layers: layerInfos(net),
    image: Float32Array.from(image),
    preActivation,
    activation,
    masks,
    switches,
    logits,
    probabilities,
    prediction: argMax(logits),
  };
}

/** Convenience: logits, probabilities and prediction of one image. */
export async function predict(
  net: Network,
  image: Float32Array,
): Promise<{ logits: Float32Array; probabilities: Float32Array; prediction: number }> {
  const gates = await computeGates(net, image);
  return { logits: gates.logits, probabilities: gates.probabilities, prediction: gates.prediction };
}
