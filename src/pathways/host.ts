// The batched, windowed per-pixel diffusion (definition 2) with the index work on the host: the
// typed-array variant of diffusion.ts's step, on the same window geometry (windows.ts).
//
// Why a second variant of the same recursion: on the wasm and cpu backends the per-pixel window
// bookkeeping (cropping regions, cropping masks, routing pool switches, scattering into the dense
// input) is all gathers, and tfjs-wasm's GatherV2 costs ~35 ns per element — it dominated the
// whole-image statistics (≈250 ms of ≈300 ms). Here those steps are plain typed-array loops
// (≈1 ns per element) and only the arithmetic that dominates the FLOPs (the convolutions and the
// dense matMuls) runs as tfjs ops. On GPU backends the device variant (diffusion.ts) is used
// instead, since every host round trip there stalls the GPU. Both are checked against each other
// and against a float64 reference in the tests.
import * as tf from '@tensorflow/tfjs-core';
import type { ConvSpec, DenseSpec, Network, PoolSpec } from './network';
import type { Gates } from './types';
import { denseFrame, pixelStart, planWindows, poolSources, type WindowFrame } from './windows';

/** Per-pixel windows on the host: data [B, wh, ww, C] (dense: [B, C], wh = ww = 1). */
export interface HostWindow extends WindowFrame {
  data: Float32Array;
}

export function hostPixelWindow(
  image: Float32Array,
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): HostWindow {
  const { frame, values } = pixelStart(image, H, W, C, pixels);
  return { ...frame, data: values };
}

/** Multiplies window values by the layer's mask at their map positions (in place). */
function maskWindow(w: HostWindow, mask: Float32Array | null): void {
  if (!mask) return;
  const { data, B, oh, ow, wh, ww, W, C } = w;
  if (w.flat) {
    for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) data[b * C + c]! *= mask[c]!;
    return;
  }
  let n = 0;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < wh; y++) {
      const rowBase = ((oh[b]! + y) * W + ow[b]!) * C;
      const len = ww * C;
      for (let i = 0; i < len; i++) data[n++]! *= mask[rowBase + i]!;
    }
  }
}

async function convStep(layer: ConvSpec, kernel: tf.Tensor4D, w: HostWindow): Promise<HostWindow> {
  const { out, rh, rw, regionH, regionW } = planWindows(layer, w, false);
  const { B, C, oh, ow, wh, ww, data: values } = w;
  const region = new Float32Array(B * regionH * regionW * C);
  for (let b = 0; b < B; b++) {
    // Region row y is map row rh[b] + y, i.e. window row y + dy.
    const dy = rh[b]! - oh[b]!;
    const dx = rw[b]! - ow[b]!;
    const x0 = Math.max(0, -dx);
    const x1 = Math.min(regionW, ww - dx);
    if (x1 <= x0) continue;
    for (let y = 0; y < regionH; y++) {
      const wy = y + dy;
      if (wy < 0 || wy >= wh) continue;
      const src = ((b * wh + wy) * ww + x0 + dx) * C;
      const dst = ((b * regionH + y) * regionW + x0) * C;
      region.set(values.subarray(src, src + (x1 - x0) * C), dst);
    }
  }
  const t = tf.tidy(() =>
    tf.conv2d(tf.tensor4d(region, [B, regionH, regionW, C]), kernel, layer.strides, 'valid'),
  );
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return { ...out, data };
}

function poolStep(layer: PoolSpec, w: HostWindow, switches: Int32Array): HostWindow {
  const { out } = planWindows(layer, w, false);
  const idx = poolSources(w, out, switches);
  const src = w.data;
  const data = new Float32Array(idx.length);
  for (let n = 0; n < idx.length; n++) {
    const i = idx[n]!;
    if (i >= 0) data[n] = src[i]!;
  }
  return { ...out, data };
}

/** Whole maps [B, H*W*C] from windows (zeros outside each window). */
function hostToFull(w: HostWindow): Float32Array {
  if (w.flat) return w.data;
  const { B, H, W, C } = w;
  const out = new Float32Array(B * H * W * C);
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < w.wh; y++) {
      const src = (b * w.wh + y) * w.ww * C;
      const dst = ((b * H + w.oh[b]! + y) * W + w.ow[b]!) * C;
      out.set(w.data.subarray(src, src + w.ww * C), dst);
    }
  }
  return out;
}

/** Each item's channel means over the whole map, [B, C]: its window sums / (H·W). */
function hostChannelMeans(w: HostWindow): Float32Array {
  const { B, C, data } = w;
  const per = w.wh * w.ww;
  const scale = 1 / (w.H * w.W);
  const out = new Float32Array(B * C);
  const sum = new Float64Array(C);
  let n = 0;
  for (let b = 0; b < B; b++) {
    sum.fill(0);
    for (let i = 0; i < per; i++) for (let c = 0; c < C; c++) sum[c]! += data[n++]!;
    for (let c = 0; c < C; c++) out[b * C + c] = sum[c]! * scale;
  }
  return out;
}

async function denseStep(
  layer: DenseSpec,
  weights: tf.Tensor2D,
  w: HostWindow,
): Promise<HostWindow> {
  const mean = layer.meanInput === true;
  const nIn = w.flat || mean ? w.C : w.H * w.W * w.C;
  const input = mean ? hostChannelMeans(w) : hostToFull(w);
  const t = tf.tidy(() => tf.matMul(tf.tensor2d(input, [w.B, nIn]), weights));
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return { ...denseFrame(w.B, layer.info.channels), data };
}

/** One layer of the gated, bias-free recursion on host windows. */
export async function hostStep(
  net: Network,
  gates: Gates,
  l: number,
  w: HostWindow,
): Promise<HostWindow> {
  const layer = net.layers[l]!;
  const weights = net.tensors[l]!.weights;
  let out: HostWindow;
  if (layer.kind === 'conv') out = await convStep(layer, weights as tf.Tensor4D, w);
  else if (layer.kind === 'pool') out = poolStep(layer, w, gates.switches[l]!);
  else out = await denseStep(layer, weights as tf.Tensor2D, w);
  maskWindow(out, gates.masks[l] ?? null);
  return out;
}

/**
 * Per-item map sums in the three measures, written to rows [row0, row0 + B) of [P × C] arrays.
 */
export function hostSizes(
  w: HostWindow,
  target: { signed: Float32Array; positive: Float32Array; l1: Float32Array },
  row0: number,
): void {
  const { B, C, data } = w;
  const per = w.wh * w.ww;
  const s = new Float64Array(C);
  const pos = new Float64Array(C);
  const abs = new Float64Array(C);
  let n = 0;
  for (let b = 0; b < B; b++) {
    s.fill(0);
    pos.fill(0);
    abs.fill(0);
    for (let i = 0; i < per; i++) {
      for (let c = 0; c < C; c++) {
        const v = data[n++]!;
        s[c]! += v;
        if (v > 0) pos[c]! += v;
        abs[c]! += Math.abs(v);
      }
    }
    const at = (row0 + b) * C;
    for (let c = 0; c < C; c++) {
      target.signed[at + c] = s[c]!;
      target.positive[at + c] = pos[c]!;
      target.l1[at + c] = abs[c]!;
    }
  }
}

/** Adds Σ_b of the windows into a whole map accumulator (H*W*C). */
export function hostAccumulate(w: HostWindow, sum: Float64Array): void {
  const { B, W, C, oh, ow, wh, ww, data } = w;
  let n = 0;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < wh; y++) {
      let at = ((oh[b]! + y) * W + ow[b]!) * C;
      const len = ww * C;
      for (let i = 0; i < len; i++) sum[at++]! += data[n++]!;
    }
  }
}
