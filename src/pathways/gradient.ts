// G_l^c = ∂z_c/∂h_l with the gates fixed (docs/method.md, definition 5): one backward pass through
// the linear, gated network, batched over seed classes, and from it every pixel's relevance R_c(p):
// the one backward relevance of the engine. Written with explicit transposed ops (the input
// gradient of a conv as one forward conv2d, matMul with Wᵀ, tiles or gathers for the pool
// switches, a tile for a folded global average) so that it runs on every backend, including
// wasm, which lacks the scatter kernels that autodiff of a gather would need.
import * as tf from '@tensorflow/tfjs-core';
import type { GateTensors } from './device';
import type { ConvSpec, Network, PoolSpec } from './network';
import type { Gates } from './types';

/**
 * For every input element of a pool layer, the outputs that route to it. Overlapping windows can
 * give an element several outputs, so there are R index maps (R = largest multiplicity); entry =
 * output index or N_out (a zero column appended at the end).
 */
function inverseSwitches(switches: Int32Array, nIn: number): Int32Array[] {
  const nOut = switches.length;
  const counts = new Uint16Array(nIn);
  for (let o = 0; o < nOut; o++) counts[switches[o]!]! += 1;
  let R = 0;
  for (const c of counts) R = Math.max(R, c);
  const maps: Int32Array[] = [];
  for (let r = 0; r < Math.max(R, 1); r++) maps.push(new Int32Array(nIn).fill(nOut));
  const filled = new Uint16Array(nIn);
  for (let o = 0; o < nOut; o++) {
    const i = switches[o]!;
    maps[filled[i]!]![i] = o;
    filled[i]! += 1;
  }
  return maps;
}

/** Pool windows that tile the map (stride = size): each input is in exactly one window. */
function poolIsTiling(layer: PoolSpec): boolean {
  return layer.strides[0] === layer.poolSize[0] && layer.strides[1] === layer.poolSize[1];
}

/** rows/cols [top, top + H) × [left, left + W) of t, zero-padded where t ends early. */
function cropOrPad(t: tf.Tensor4D, top: number, left: number, H: number, W: number): tf.Tensor4D {
  const [S, h, w, C] = t.shape;
  const keepH = Math.min(H, h - top);
  const keepW = Math.min(W, w - left);
  let out = t;
  if (top > 0 || left > 0 || keepH < h - top || keepW < w - left) {
    out = tf.slice(t, [0, top, left, 0], [S, keepH, keepW, C]);
  }
  if (keepH < H || keepW < W) {
    out = tf.pad(out, [
      [0, 0],
      [0, H - keepH],
      [0, W - keepW],
      [0, 0],
    ]);
  }
  return out;
}

/**
 * ∂/∂x of a conv (no bias) applied to dz, as ONE forward conv2d: dilate dz by the stride, pad it
 * by (k − 1 − pad_before) in front and correlate with the kernel rotated 180° with its channel
 * axes swapped. On wasm this is ~10× faster than the stock Conv2DBackpropInput kernel.
 */
function convInputGrad(dz: tf.Tensor4D, layer: ConvSpec, backward: tf.Tensor4D): tf.Tensor4D {
  const [S, Ho, Wo, Co] = dz.shape;
  const [Hi, Wi] = layer.inShape;
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  let d: tf.Tensor4D = dz;
  if (sh > 1 || sw > 1) {
    const spread = tf.pad(tf.reshape(dz, [S, Ho, 1, Wo, 1, Co]), [
      [0, 0],
      [0, 0],
      [0, sh - 1],
      [0, 0],
      [0, sw - 1],
      [0, 0],
    ]);
    d = tf.reshape(spread, [S, Ho * sh, Wo * sw, Co]);
  }
  // Padded length must be H_in + k − 1: front k − 1 − pad_top, back the rest (crop if negative).
  const top = kh - 1 - layer.pads.top;
  const left = kw - 1 - layer.pads.left;
  const lenH = Hi + kh - 1 - top;
  const lenW = Wi + kw - 1 - left;
  d = cropOrPad(d, 0, 0, lenH, lenW);
  d = tf.pad(d, [
    [0, 0],
    [top, 0],
    [left, 0],
    [0, 0],
  ]);
  return tf.conv2d(d, backward, 1, 'valid');
}

/** The transpose of layer l's gated linear map, applied to an upstream gradient G_l. */
function backwardStep(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  l: number,
  g: tf.Tensor,
): tf.Tensor {
  const layer = net.layers[l]!;
  const S = g.shape[0]!;
  const mask = gt.mask[l];
  const gm = mask ? tf.mul(g, mask) : g;
  const [Hi, Wi, Ci] = layer.inShape;
  if (layer.kind === 'conv') {
    return convInputGrad(gm as tf.Tensor4D, layer, net.tensors[l]!.backward!);
  }
  if (layer.kind === 'pool' && poolIsTiling(layer)) {
    // Non-overlapping windows: repeat each output over its window, keep only the switch.
    const [kh, kw] = layer.poolSize;
    const { height: Ho, width: Wo, channels: C } = layer.info;
    // Two rank-4 tiles, not one rank-6 tile: WebGPU runs tile on the device only up to rank 4 and
    // otherwise reads the tensor back synchronously (a hidden GPU → CPU round trip, which also
    // broke later reads in a worker on Chromium's software adapter).
    const wide = tf.tile(tf.reshape(gm, [S * Ho, Wo, 1, C]), [1, 1, kw, 1]);
    const tall = tf.tile(tf.reshape(wide, [S, Ho, 1, Wo * kw * C]), [1, 1, kh, 1]);
    const tiled = tf.reshape(tall, [S, Ho * kh, Wo * kw, C]);
    const placed = cropOrPad(tiled as tf.Tensor4D, layer.pads.top, layer.pads.left, Hi, Wi);
    return tf.mul(placed, gt.switchMask[l]!);
  }
  if (layer.kind === 'pool') {
    const nOut = layer.info.height * layer.info.width * layer.info.channels;
    const flat = tf.concat([tf.reshape(gm, [S, nOut]), tf.zeros([S, 1])], 1);
    const maps = inverseSwitches(gates.switches[l]!, Hi * Wi * Ci);
    let sum: tf.Tensor | null = null;
    for (const m of maps) {
      const part = tf.gather(flat, tf.tensor1d(m, 'int32'), 1);
      sum = sum ? tf.add(sum, part) : part;
    }
    return tf.reshape(sum!, [S, Hi, Wi, Ci]);
  }
  const back = tf.matMul(gm as tf.Tensor2D, net.tensors[l]!.weights as tf.Tensor2D, false, true);
  if (layer.meanInput) {
    // The transpose of the channel means: every position of map j gets back[j] / (H·W). A
    // rank-4 tile (see above: WebGPU tiles on the device up to rank 4).
    const share = tf.div(tf.reshape(back, [S, 1, 1, Ci]), Hi * Wi);
    return tf.tile(share, [1, Hi, Wi, 1]);
  }
  return l === 0 || net.layers[l - 1]!.kind === 'conv' || net.layers[l - 1]!.kind === 'pool'
    ? tf.reshape(back, [S, Hi, Wi, Ci])
    : back;
}

/**
 * gradients[l] = G_l for seeds `classes` (shape [S, H, W, C] spatial, [S, N] dense), plus the input
 * gradient [S, H, W, C_in]. Synchronous tensor code: call inside tf.tidy.
 */
export function classGradients(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  classes: number[],
): { layers: tf.Tensor[]; input: tf.Tensor4D } {
  const L = net.layers.length;
  let g: tf.Tensor = tf.cast(tf.oneHot(tf.tensor1d(classes, 'int32'), net.classCount), 'float32');
  const layers: tf.Tensor[] = new Array<tf.Tensor>(L);
  for (let l = L - 1; l >= 0; l--) {
    layers[l] = g;
    g = backwardStep(net, gates, gt, l, g);
  }
  return { layers, input: g as tf.Tensor4D };
}

/**
 * relevance[c · HW + p] = R_c(p) = Σ_ch x[p,ch] · ∂z_c/∂x[p,ch] with the gates fixed, for every
 * class c and pixel p (definition 5), by one backward pass batched over all class seeds.
 */
export async function classRelevance(
  net: Network,
  gates: Gates,
  gt: GateTensors,
): Promise<Float32Array> {
  const { height: H, width: W, channels: C } = gates.input;
  const K = net.classCount;
  const t = tf.tidy(() => {
    const classes = Array.from({ length: K }, (_, c) => c);
    const g = classGradients(net, gates, gt, classes).input; // [K,H,W,C]
    const x = tf.tensor4d(gates.image, [1, H, W, C]);
    return tf.sum(tf.reshape(tf.mul(g, x), [K, H * W, C]), 2);
  });
  try {
    return Float32Array.from(await t.data());
  } finally {
    t.dispose();
  }
}
