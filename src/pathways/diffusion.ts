// Definition 2 (diffusion) and 3 (bias pathway): the gated, bias-free forward recursion, batched
// over pixels. Each pixel's diffusion D_l^p is kept only on a window of layer l that contains its
// support (its projective field, clipped to the map): a batch is a tensor [B, wh, ww, C] plus each
// pixel's window origin. Windows grow layer by layer; once a window spans the whole map it stays
// full-size and the cheap whole-map paths take over. With `full: true` every window is the whole
// map from the start (one-pixel queries, the bias pathway and the naive baselines).
//
// All functions here are synchronous tensor code: call them inside tf.tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { GateTensors } from './device';
import type { ConvSpec, DenseSpec, LayerSpec, Network, PoolSpec } from './network';
import type { Gates } from './types';

/** A batch of per-pixel diffusions on one layer. */
export interface Window {
  /** [B, wh, ww, C] for spatial layers; [B, N] for dense layers (wh = ww = 1). */
  t: tf.Tensor;
  /** Window origin (row, col) of each batch item in the layer's map. */
  oh: Int32Array;
  ow: Int32Array;
  wh: number;
  ww: number;
  /** The layer's map size. */
  H: number;
  W: number;
  C: number;
  flat: boolean;
}

export function isFull(w: Window): boolean {
  return w.wh === w.H && w.ww === w.W && w.oh.every((o) => o === 0) && w.ow.every((o) => o === 0);
}

/** Whole-map start: [B,H,W,C] images (e.g. the image restricted to a pixel set). */
export function fullWindow(t: tf.Tensor4D): Window {
  const [B, H, W, C] = t.shape;
  return { t, oh: new Int32Array(B), ow: new Int32Array(B), wh: H, ww: W, H, W, C, flat: false };
}

/** One-pixel starts: item i is the image's column (all channels) at flat position pixels[i]. */
export function pixelWindow(
  image: Float32Array,
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): Window {
  const B = pixels.length;
  const values = new Float32Array(B * C);
  const oh = new Int32Array(B);
  const ow = new Int32Array(B);
  for (let i = 0; i < B; i++) {
    const p = pixels[i]!;
    oh[i] = Math.floor(p / W);
    ow[i] = p % W;
    for (let c = 0; c < C; c++) values[i * C + c] = image[p * C + c]!;
  }
  return { t: tf.tensor4d(values, [B, 1, 1, C]), oh, ow, wh: 1, ww: 1, H, W, C, flat: false };
}

export interface DimPlan {
  size: number;
  origin: Int32Array;
}

/**
 * Output window in one dimension of a conv/pool (kernel k, stride s, leading pad pt): all outputs
 * whose receptive field meets the input window [oi, oi + wi), clipped to the map.
 */
export function planDim(
  oi: Int32Array,
  wi: number,
  inSize: number,
  outSize: number,
  k: number,
  s: number,
  pt: number,
  full: boolean,
): DimPlan {
  const B = oi.length;
  if (full || (wi === inSize && oi.every((o) => o === 0))) {
    return { size: outSize, origin: new Int32Array(B) };
  }
  let count = 0;
  for (let r = 0; r < s; r++) {
    count = Math.max(
      count,
      Math.floor((r + pt + wi - 1) / s) - Math.ceil((r + pt - k + 1) / s) + 1,
    );
  }
  const size = Math.min(outSize, count);
  const origin = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const lo = Math.ceil((oi[b]! + pt - k + 1) / s);
    origin[b] = Math.min(Math.max(lo, 0), outSize - size);
  }
  return { size, origin };
}

/**
 * region[b, y, x, :] = window[b, y + rh[b] − oh[b], x + rw[b] − ow[b], :] (zero outside the window),
 * i.e. the input rows [rh[b], rh[b] + sizeH) of the layer's map as seen through the window.
 */
function region(
  w: Window,
  rh: Int32Array,
  rw: Int32Array,
  sizeH: number,
  sizeW: number,
): tf.Tensor4D {
  const B = w.oh.length;
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
  const zeroRow = B * w.wh * w.ww;
  const idx = new Int32Array(B * sizeH * sizeW);
  let n = 0;
  for (let b = 0; b < B; b++) {
    const base = b * w.wh * w.ww;
    for (let y = 0; y < sizeH; y++) {
      const wy = rh[b]! + y - w.oh[b]!;
      for (let x = 0; x < sizeW; x++) {
        const wx = rw[b]! + x - w.ow[b]!;
        idx[n++] = wy >= 0 && wy < w.wh && wx >= 0 && wx < w.ww ? base + wy * w.ww + wx : zeroRow;
      }
    }
  }
  const rows = tf.concat([tf.reshape(t, [zeroRow, w.C]), tf.zeros([1, w.C])], 0);
  return tf.reshape(tf.gather(rows, tf.tensor1d(idx, 'int32')), [B, sizeH, sizeW, w.C]);
}

/** Per-item window crop of a whole-map [H*W, C] row tensor (e.g. a mask). */
function cropRows(
  rows: tf.Tensor2D,
  W: number,
  oh: Int32Array,
  ow: Int32Array,
  wh: number,
  ww: number,
): tf.Tensor4D {
  const B = oh.length;
  const idx = new Int32Array(B * wh * ww);
  let n = 0;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < wh; y++) {
      for (let x = 0; x < ww; x++) idx[n++] = (oh[b]! + y) * W + ow[b]! + x;
    }
  }
  return tf.reshape(tf.gather(rows, tf.tensor1d(idx, 'int32')), [B, wh, ww, rows.shape[1]]);
}

/** Scatter windows into whole maps: [B, H, W, C]. */
export function toFull(w: Window): tf.Tensor4D {
  if (w.flat) return tf.reshape(w.t, [w.t.shape[0]!, 1, 1, w.C]);
  const B = w.oh.length;
  if (isFull(w)) return w.t as tf.Tensor4D;
  const zeroRow = B * w.wh * w.ww;
  const idx = new Int32Array(B * w.H * w.W);
  let n = 0;
  for (let b = 0; b < B; b++) {
    const base = b * w.wh * w.ww;
    for (let r = 0; r < w.H; r++) {
      const y = r - w.oh[b]!;
      for (let c = 0; c < w.W; c++) {
        const x = c - w.ow[b]!;
        idx[n++] = y >= 0 && y < w.wh && x >= 0 && x < w.ww ? base + y * w.ww + x : zeroRow;
      }
    }
  }
  const rows = tf.concat([tf.reshape(w.t, [zeroRow, w.C]), tf.zeros([1, w.C])], 0);
  return tf.reshape(tf.gather(rows, tf.tensor1d(idx, 'int32')), [B, w.H, w.W, w.C]);
}

export interface StepOptions {
  /** Add the layer's bias (bias pathway, definition 3). */
  bias: boolean;
  /** Keep every window at full map size. */
  full: boolean;
}

function convStep(
  layer: ConvSpec,
  kernel: tf.Tensor4D,
  bias: tf.Tensor1D,
  gt: GateTensors,
  l: number,
  w: Window,
  opt: StepOptions,
): Window {
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  const ph = planDim(w.oh, w.wh, w.H, Ho, kh, sh, layer.pads.top, opt.full);
  const pw = planDim(w.ow, w.ww, w.W, Wo, kw, sw, layer.pads.left, opt.full);
  const B = w.oh.length;
  const rh = new Int32Array(B);
  const rw = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    rh[b] = ph.origin[b]! * sh - layer.pads.top;
    rw[b] = pw.origin[b]! * sw - layer.pads.left;
  }
  const input = region(w, rh, rw, (ph.size - 1) * sh + kh, (pw.size - 1) * sw + kw);
  let z: tf.Tensor4D = tf.conv2d(input, kernel, [sh, sw], 'valid');
  if (opt.bias) z = tf.add(z, bias);
  const out: Window = {
    t: z,
    oh: ph.origin,
    ow: pw.origin,
    wh: ph.size,
    ww: pw.size,
    H: Ho,
    W: Wo,
    C: Co,
    flat: false,
  };
  return applyMask(out, gt, l);
}

function applyMask(w: Window, gt: GateTensors, l: number): Window {
  const mask = gt.mask[l];
  if (!mask) return w;
  if (w.flat || isFull(w)) return { ...w, t: tf.mul(w.t, mask) };
  const rows = gt.maskRows[l]!;
  return { ...w, t: tf.mul(w.t, cropRows(rows, w.W, w.oh, w.ow, w.wh, w.ww)) };
}

function poolStep(
  layer: PoolSpec,
  gates: Gates,
  gt: GateTensors,
  l: number,
  w: Window,
  opt: StepOptions,
): Window {
  const { height: Ho, width: Wo, channels: C } = layer.info;
  const [kh, kw] = layer.poolSize;
  const [sh, sw] = layer.strides;
  const B = w.oh.length;
  if (opt.full || isFull(w)) {
    const flatIn = tf.reshape(w.t, [B, w.H * w.W * C]);
    const routed = tf.gather(flatIn, gt.switches[l]!, 1);
    const out = fullWindow(tf.reshape(routed, [B, Ho, Wo, C]) as tf.Tensor4D);
    return applyMask(out, gt, l);
  }
  const ph = planDim(w.oh, w.wh, w.H, Ho, kh, sh, layer.pads.top, false);
  const pw = planDim(w.ow, w.ww, w.W, Wo, kw, sw, layer.pads.left, false);
  const switches = gates.switches[l]!;
  const inWin = w.wh * w.ww * C;
  const zero = B * inWin;
  const idx = new Int32Array(B * ph.size * pw.size * C);
  let n = 0;
  const Wi = w.W;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < ph.size; y++) {
      const u = ph.origin[b]! + y;
      for (let x = 0; x < pw.size; x++) {
        const v = pw.origin[b]! + x;
        const base = (u * Wo + v) * C;
        for (let ch = 0; ch < C; ch++) {
          const pos = (switches[base + ch]! - ch) / C;
          const r = Math.floor(pos / Wi) - w.oh[b]!;
          const c = (pos % Wi) - w.ow[b]!;
          idx[n++] =
            r >= 0 && r < w.wh && c >= 0 && c < w.ww ? b * inWin + (r * w.ww + c) * C + ch : zero;
        }
      }
    }
  }
  const values = tf.concat([tf.reshape(w.t, [zero]), tf.zeros([1])], 0);
  const routed = tf.reshape(tf.gather(values, tf.tensor1d(idx, 'int32')), [B, ph.size, pw.size, C]);
  const out: Window = {
    t: routed,
    oh: ph.origin,
    ow: pw.origin,
    wh: ph.size,
    ww: pw.size,
    H: Ho,
    W: Wo,
    C,
    flat: false,
  };
  return applyMask(out, gt, l);
}

function denseStep(
  layer: DenseSpec,
  weights: tf.Tensor2D,
  bias: tf.Tensor1D,
  gt: GateTensors,
  l: number,
  w: Window,
  opt: StepOptions,
): Window {
  const B = w.oh.length;
  const flatIn = w.flat ? w.t : tf.reshape(toFull(w), [B, w.H * w.W * w.C]);
  let z = tf.matMul(flatIn as tf.Tensor2D, weights);
  if (opt.bias) z = tf.add(z, bias);
  const C = layer.info.channels;
  const out: Window = {
    t: z,
    oh: new Int32Array(B),
    ow: new Int32Array(B),
    wh: 1,
    ww: 1,
    H: 1,
    W: 1,
    C,
    flat: true,
  };
  return applyMask(out, gt, l);
}

/** One layer of the gated recursion (definition 2; with `bias`, definition 3). */
export function step(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  l: number,
  w: Window,
  opt: StepOptions,
): Window {
  const layer: LayerSpec = net.layers[l]!;
  const params = net.tensors[l]!;
  if (layer.kind === 'conv') {
    return convStep(layer, params.weights as tf.Tensor4D, params.bias!, gt, l, w, opt);
  }
  if (layer.kind === 'pool') return poolStep(layer, gates, gt, l, w, opt);
  return denseStep(layer, params.weights as tf.Tensor2D, params.bias!, gt, l, w, opt);
}

/** Per-item map sums of a window in the three measures: each [B, C]. */
export function windowSizes(w: Window): {
  signed: tf.Tensor2D;
  positive: tf.Tensor2D;
  l1: tf.Tensor2D;
} {
  const B = w.oh.length;
  const t = w.flat ? tf.reshape(w.t, [B, 1, w.C]) : tf.reshape(w.t, [B, w.wh * w.ww, w.C]);
  return {
    signed: tf.sum(t, 1),
    positive: tf.sum(tf.relu(t), 1),
    l1: tf.sum(tf.abs(t), 1),
  };
}
