// Definition 1: the gates of an image, from one ordinary forward pass of the whole network
// (forward.ts, the same pass map importance and the attacks run).
import * as tf from '@tensorflow/tfjs-core';
import { pack, readPacked } from './device';
import { argMax } from '../model/predict';
import { layerForward } from './forward';
import { layerInfos, type Network, type PoolSpec } from './network';
import type { Gates } from './types';

/** Switch of every max-pool output element (first maximum in row-major window order). */
function poolSwitches(layer: PoolSpec, input: Float32Array): Int32Array {
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
    let h: tf.Tensor = tf.tensor4d(image, [1, height, width, channels]);
    const z: tf.Tensor[] = [];
    net.layers.forEach((_layer, l) => {
      const out = layerForward(net, l, h);
      z.push(out.z);
      h = out.h;
    });
    return pack(z);
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
  if (logits.length !== net.classCount || logits.length === 0) {
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
