// Definition 2 (diffusion) and 3 (bias pathway): the gated, bias-free forward recursion, batched
// over pixels, with the window values in tensors (the device variant; host.ts is the typed-array
// variant of the same step, and windows.ts their shared geometry). Each pixel's diffusion D_l^p is
// kept only on a window of layer l that contains its support (its projective field, clipped to
// the map): a batch is a tensor [B, wh, ww, C] plus each pixel's window origin. Windows grow layer
// by layer; once a window spans the whole map it stays full-size and the cheap whole-map paths
// take over. With `full: true` every window is the whole map from the start (one-pixel queries,
// the bias pathway and the naive baselines).
//
// All functions here are synchronous tensor code: call them inside tf.tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { GateTensors } from './device';
import type { ConvSpec, DenseSpec, Network, PoolSpec } from './network';
import type { Gates } from './types';
import {
  denseFrame,
  frameCells,
  fullFrame,
  isFull,
  pixelStart,
  planWindows,
  poolSources,
  type WindowFrame,
} from './windows';

/** A batch of per-pixel diffusions on one layer, on the device. */
export interface DiffusionWindow extends WindowFrame {
  /** [B, wh, ww, C] for spatial layers; [B, N] for dense layers (wh = ww = 1). */
  t: tf.Tensor;
}

/** Whole-map start: [B,H,W,C] images (e.g. the image restricted to a pixel set). */
export function fullWindow(t: tf.Tensor4D): DiffusionWindow {
  const [B, H, W, C] = t.shape;
  return { ...fullFrame(B, H, W, C), t };
}

/** One-pixel starts: item i is the image's column (all channels) at flat position pixels[i]. */
export function pixelWindow(
  image: Float32Array,
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): DiffusionWindow {
  const { frame, values } = pixelStart(image, H, W, C, pixels);
  return { ...frame, t: tf.tensor4d(values, [frame.B, 1, 1, C]) };
}

/** Rows of `values` [n, C] picked by `idx`, with −1 picking a row of zeros. */
function gatherOrZero(values: tf.Tensor2D, idx: Int32Array): tf.Tensor2D {
  const zero = values.shape[0];
  const rows = tf.concat([values, tf.zeros([1, values.shape[1]])], 0);
  return tf.gather(
    rows,
    tf.tensor1d(
      idx.map((i) => (i < 0 ? zero : i)),
      'int32',
    ),
  ) as tf.Tensor2D;
}

/**
 * region[b, y, x, :] = window[b, y + rh[b] − oh[b], x + rw[b] − ow[b], :] (zero outside the window),
 * i.e. the input rows [rh[b], rh[b] + sizeH) of the layer's map as seen through the window.
 */
function region(
  w: DiffusionWindow,
  rh: Int32Array,
  rw: Int32Array,
  sizeH: number,
  sizeW: number,
): tf.Tensor4D {
  const B = w.B;
  const dh0 = rh[0]! - w.oh[0]!;
  const dw0 = rw[0]! - w.ow[0]!;
  let uniform = true;
  for (let b = 1; b < B && uniform; b++) {
    uniform = rh[b]! - w.oh[b]! === dh0 && rw[b]! - w.ow[b]! === dw0;
  }
  const t = w.t as tf.Tensor4D;
  if (uniform) {
    // Same offset for every item: a crop and a zero pad.
    const h0 = Math.max(dh0, 0);
    const w0 = Math.max(dw0, 0);
    const h1 = Math.min(dh0 + sizeH, w.wh);
    const w1 = Math.min(dw0 + sizeW, w.ww);
    if (h1 <= h0 || w1 <= w0) return tf.zeros([B, sizeH, sizeW, w.C]);
    let crop = t;
    if (h0 > 0 || w0 > 0 || h1 < w.wh || w1 < w.ww) {
      crop = tf.slice(t, [0, h0, w0, 0], [B, h1 - h0, w1 - w0, w.C]);
    }
    const padTop = h0 - dh0;
    const padLeft = w0 - dw0;
    const padBottom = sizeH - padTop - (h1 - h0);
    const padRight = sizeW - padLeft - (w1 - w0);
    if (padTop === 0 && padLeft === 0 && padBottom === 0 && padRight === 0) return crop;
    return tf.pad(crop, [
      [0, 0],
      [padTop, padBottom],
      [padLeft, padRight],
      [0, 0],
    ]);
  }
  const idx = new Int32Array(B * sizeH * sizeW);
  let n = 0;
  for (let b = 0; b < B; b++) {
    const base = b * w.wh * w.ww;
    for (let y = 0; y < sizeH; y++) {
      const wy = rh[b]! + y - w.oh[b]!;
      for (let x = 0; x < sizeW; x++) {
        const wx = rw[b]! + x - w.ow[b]!;
        idx[n++] = wy >= 0 && wy < w.wh && wx >= 0 && wx < w.ww ? base + wy * w.ww + wx : -1;
      }
    }
  }
  const rows = gatherOrZero(tf.reshape(t, [B * w.wh * w.ww, w.C]), idx);
  return tf.reshape(rows, [B, sizeH, sizeW, w.C]);
}

/** Scatter windows into whole maps: [B, H, W, C]. */
export function toFull(w: DiffusionWindow): tf.Tensor4D {
  if (w.flat) return tf.reshape(w.t, [w.B, 1, 1, w.C]);
  if (isFull(w)) return w.t as tf.Tensor4D;
  const idx = new Int32Array(w.B * w.H * w.W);
  let n = 0;
  for (let b = 0; b < w.B; b++) {
    const base = b * w.wh * w.ww;
    for (let r = 0; r < w.H; r++) {
      const y = r - w.oh[b]!;
      for (let c = 0; c < w.W; c++) {
        const x = c - w.ow[b]!;
        idx[n++] = y >= 0 && y < w.wh && x >= 0 && x < w.ww ? base + y * w.ww + x : -1;
      }
    }
  }
  const rows = gatherOrZero(tf.reshape(w.t, [w.B * w.wh * w.ww, w.C]), idx);
  return tf.reshape(rows, [w.B, w.H, w.W, w.C]);
}

export interface StepOptions {
  /** Add the layer's bias (bias pathway, definition 3). */
  bias: boolean;
  /** Keep every window at full map size. */
  full: boolean;
}

function applyMask(w: DiffusionWindow, gt: GateTensors, l: number): DiffusionWindow {
  const mask = gt.mask[l];
  if (!mask) return w;
  if (w.flat || isFull(w)) return { ...w, t: tf.mul(w.t, mask) };
  const rows = tf.gather(gt.maskRows[l]!, tf.tensor1d(frameCells(w), 'int32'));
  return { ...w, t: tf.mul(w.t, tf.reshape(rows, [w.B, w.wh, w.ww, w.C])) };
}

function convStep(
  layer: ConvSpec,
  kernel: tf.Tensor4D,
  bias: tf.Tensor1D,
  w: DiffusionWindow,
  opt: StepOptions,
): DiffusionWindow {
  const plan = planWindows(layer, w, opt.full);
  const input = region(w, plan.rh, plan.rw, plan.regionH, plan.regionW);
  let z: tf.Tensor4D = tf.conv2d(input, kernel, layer.strides, 'valid');
  if (opt.bias) z = tf.add(z, bias);
  return { ...plan.out, t: z };
}

/** Max-pool routing: `switches` on the host (windows), `onDevice` the same as a tensor (maps). */
function poolStep(
  layer: PoolSpec,
  switches: Int32Array,
  onDevice: tf.Tensor1D,
  w: DiffusionWindow,
  full: boolean,
): DiffusionWindow {
  const { height: Ho, width: Wo, channels: C } = layer.info;
  if (full || isFull(w)) {
    const flatIn = tf.reshape(w.t, [w.B, w.H * w.W * C]);
    const routed = tf.gather(flatIn, onDevice, 1);
    return fullWindow(tf.reshape(routed, [w.B, Ho, Wo, C]) as tf.Tensor4D);
  }
  const { out } = planWindows(layer, w, false);
  const idx = poolSources(w, out, switches);
  const routed = gatherOrZero(tf.reshape(w.t, [-1, 1]), idx);
  return { ...out, t: tf.reshape(routed, [out.B, out.wh, out.ww, C]) };
}

function denseStep(
  layer: DenseSpec,
  weights: tf.Tensor2D,
  bias: tf.Tensor1D,
  w: DiffusionWindow,
  opt: StepOptions,
): DiffusionWindow {
  let flatIn: tf.Tensor;
  if (layer.meanInput) {
    // Channel means over the whole map: each window's sums (zero outside it) / (H·W).
    flatIn = tf.div(w.flat ? w.t : tf.sum(w.t, [1, 2]), w.H * w.W);
  } else {
    flatIn = w.flat ? w.t : tf.reshape(toFull(w), [w.B, w.H * w.W * w.C]);
  }
  let z = tf.matMul(flatIn as tf.Tensor2D, weights);
  if (opt.bias) z = tf.add(z, bias);
  return { ...denseFrame(w.B, layer.info.channels), t: z };
}

/** One layer of the gated recursion (definition 2; with `bias`, definition 3). */
export function step(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  l: number,
  w: DiffusionWindow,
  opt: StepOptions,
): DiffusionWindow {
  const layer = net.layers[l]!;
  const params = net.tensors[l]!;
  let out: DiffusionWindow;
  if (layer.kind === 'conv') {
    out = convStep(layer, params.weights as tf.Tensor4D, params.bias!, w, opt);
  } else if (layer.kind === 'pool') {
    out = poolStep(layer, gates.switches[l]!, gt.switches[l]!, w, opt.full);
  } else {
    out = denseStep(layer, params.weights as tf.Tensor2D, params.bias!, w, opt);
  }
  return applyMask(out, gt, l);
}

/** Per-item map sums of a window in the three measures: each [B, C]. */
export function windowSizes(w: DiffusionWindow): {
  signed: tf.Tensor2D;
  positive: tf.Tensor2D;
  l1: tf.Tensor2D;
} {
  const t = w.flat ? tf.reshape(w.t, [w.B, 1, w.C]) : tf.reshape(w.t, [w.B, w.wh * w.ww, w.C]);
  return {
    signed: tf.sum(t, 1),
    positive: tf.sum(tf.relu(t), 1),
    l1: tf.sum(tf.abs(t), 1),
  };
}
