// The batched, windowed per-pixel diffusion (definition 2) with the index work on the host.
//
// Why a second implementation of the same recursion as diffusion.ts: on the wasm and cpu
// backends the per-pixel window bookkeeping (cropping regions, cropping masks, routing pool
// switches, scattering into the dense input) is all gathers, and tfjs-wasm's GatherV2 costs
// ~35 ns per element — it dominated the whole-image statistics (≈250 ms of ≈300 ms). Here those
// steps are plain typed-array loops (≈1 ns per element) and only the arithmetic that dominates
// the FLOPs (the convolutions and the dense matMuls) runs as tfjs ops. On GPU backends the device
// path (diffusion.ts) is used instead, since every host round trip there stalls the GPU.
// Both paths are checked against each other and against a float64 reference in the tests.
import * as tf from '@tensorflow/tfjs-core';
import { planDim } from './diffusion';
import type { ConvSpec, DenseSpec, Network, PoolSpec } from './network';
import type { Gates } from './types';

/** Per-pixel windows on the host: data [B, wh, ww, C] (dense: [B, C], wh = ww = 1). */
export interface HostWindow {
  data: Float32Array;
  B: number;
  oh: Int32Array;
  ow: Int32Array;
  wh: number;
  ww: number;
  H: number;
  W: number;
  C: number;
  flat: boolean;
}

export function hostPixelWindow(
  image: Float32Array,
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): HostWindow {
  const B = pixels.length;
  const data = new Float32Array(B * C);
  const oh = new Int32Array(B);
  const ow = new Int32Array(B);
  for (let i = 0; i < B; i++) {
    const p = pixels[i]!;
    oh[i] = Math.floor(p / W);
    ow[i] = p % W;
    for (let c = 0; c < C; c++) data[i * C + c] = image[p * C + c]!;
  }
  return { data, B, oh, ow, wh: 1, ww: 1, H, W, C, flat: false };
}

/** Multiplies window values by the layer's mask at their map positions (in place). */
function maskWindow(w: HostWindow, mask: Float32Array | null): void {
  if (!mask) return;
  const { data, B, wh, ww, W, C } = w;
  if (w.flat) {
    for (let b = 0; b < B; b++) for (let c = 0; c < C; c++) data[b * C + c]! *= mask[c]!;
    return;
  }
  let n = 0;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < wh; y++) {
      const rowBase = ((w.oh[b]! + y) * W + w.ow[b]!) * C;
      const len = ww * C;
      for (let i = 0; i < len; i++) data[n++]! *= mask[rowBase + i]!;
    }
  }
}

async function convStep(
  layer: ConvSpec,
  kernel: tf.Tensor4D,
  w: HostWindow,
  mask: Float32Array | null,
): Promise<HostWindow> {
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  const ph = planDim(w.oh, w.wh, w.H, Ho, kh, sh, layer.pads.top, false);
  const pw = planDim(w.ow, w.ww, w.W, Wo, kw, sw, layer.pads.left, false);
  const rh = (ph.size - 1) * sh + kh;
  const rw = (pw.size - 1) * sw + kw;
  const { B, C } = w;
  const region = new Float32Array(B * rh * rw * C);
  for (let b = 0; b < B; b++) {
    // Region row y is map row ph.origin*sh − pad + y, i.e. window row y + dy.
    const dy = ph.origin[b]! * sh - layer.pads.top - w.oh[b]!;
    const dx = pw.origin[b]! * sw - layer.pads.left - w.ow[b]!;
    const x0 = Math.max(0, -dx);
    const x1 = Math.min(rw, w.ww - dx);
    if (x1 <= x0) continue;
    for (let y = 0; y < rh; y++) {
      const wy = y + dy;
      if (wy < 0 || wy >= w.wh) continue;
      const src = ((b * w.wh + wy) * w.ww + x0 + dx) * C;
      const dst = ((b * rh + y) * rw + x0) * C;
      region.set(w.data.subarray(src, src + (x1 - x0) * C), dst);
    }
  }
  const out = tf.tidy(() =>
    tf.conv2d(tf.tensor4d(region, [B, rh, rw, C]), kernel, [sh, sw], 'valid'),
  );
  const data = (await out.data()) as Float32Array;
  out.dispose();
  const result: HostWindow = {
    data,
    B,
    oh: ph.origin,
    ow: pw.origin,
    wh: ph.size,
    ww: pw.size,
    H: Ho,
    W: Wo,
    C: Co,
    flat: false,
  };
  maskWindow(result, mask);
  return result;
}

function poolStep(
  layer: PoolSpec,
  w: HostWindow,
  switches: Int32Array,
  mask: Float32Array | null,
): HostWindow {
  const { height: Ho, width: Wo, channels: C } = layer.info;
  const ph = planDim(
    w.oh,
    w.wh,
    w.H,
    Ho,
    layer.poolSize[0],
    layer.strides[0],
    layer.pads.top,
    false,
  );
  const pw = planDim(
    w.ow,
    w.ww,
    w.W,
    Wo,
    layer.poolSize[1],
    layer.strides[1],
    layer.pads.left,
    false,
  );
  const { B } = w;
  const data = new Float32Array(B * ph.size * pw.size * C);
  const Wi = w.W;
  let n = 0;
  for (let b = 0; b < B; b++) {
    const base = b * w.wh * w.ww * C;
    for (let y = 0; y < ph.size; y++) {
      const u = ph.origin[b]! + y;
      for (let x = 0; x < pw.size; x++) {
        const o = (u * Wo + pw.origin[b]! + x) * C;
        for (let ch = 0; ch < C; ch++, n++) {
          const pos = (switches[o + ch]! - ch) / C;
          const r = Math.floor(pos / Wi) - w.oh[b]!;
          const c = (pos % Wi) - w.ow[b]!;
          if (r >= 0 && r < w.wh && c >= 0 && c < w.ww)
            data[n] = w.data[base + (r * w.ww + c) * C + ch]!;
        }
      }
    }
  }
  const result: HostWindow = {
    data,
    B,
    oh: ph.origin,
    ow: pw.origin,
    wh: ph.size,
    ww: pw.size,
    H: Ho,
    W: Wo,
    C,
    flat: false,
  };
  maskWindow(result, mask);
  return result;
}

/** Whole maps [B, H*W*C] from windows (zeros outside each window). */
export function hostToFull(w: HostWindow): Float32Array {
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

async function denseStep(
  layer: DenseSpec,
  weights: tf.Tensor2D,
  w: HostWindow,
  mask: Float32Array | null,
): Promise<HostWindow> {
  const nIn = w.flat ? w.C : w.H * w.W * w.C;
  const input = hostToFull(w);
  const out = tf.tidy(() => tf.matMul(tf.tensor2d(input, [w.B, nIn]), weights));
  const data = (await out.data()) as Float32Array;
  out.dispose();
  const C = layer.info.channels;
  const result: HostWindow = {
    data,
    B: w.B,
    oh: new Int32Array(w.B),
    ow: new Int32Array(w.B),
    wh: 1,
    ww: 1,
    H: 1,
    W: 1,
    C,
    flat: true,
  };
  maskWindow(result, mask);
  return result;
}

/** One layer of the gated, bias-free recursion on host windows. */
export async function hostStep(
  net: Network,
  gates: Gates,
  l: number,
  w: HostWindow,
): Promise<HostWindow> {
  const layer = net.layers[l]!;
  const mask = gates.masks[l] ?? null;
  if (layer.kind === 'conv')
    return convStep(layer, net.tensors[l]!.weights as tf.Tensor4D, w, mask);
  if (layer.kind === 'pool') return poolStep(layer, w, gates.switches[l]!, mask);
  return denseStep(layer, net.tensors[l]!.weights as tf.Tensor2D, w, mask);
}

/**
 * Per-item map sums in the three measures, written to rows [row0, row0 + B) of [P × C] arrays.
 */
export function hostSizes(
  w: HostWindow,
  target: { signed: Float32Array; positive: Float32Array; l1: Float32Array },
  row0: number,
): void {
  const { B, C } = w;
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
        const v = w.data[n++]!;
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
  const { B, W, C } = w;
  let n = 0;
  for (let b = 0; b < B; b++) {
    for (let y = 0; y < w.wh; y++) {
      let at = ((w.oh[b]! + y) * W + w.ow[b]!) * C;
      const len = w.ww * C;
      for (let i = 0; i < len; i++) sum[at++]! += w.data[n++]!;
    }
  }
}
