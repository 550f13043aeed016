// The geometry of the windowed batch (docs/method.md, definition 2, "How it is computed"): where
// each pixel's window sits on every layer's map and how a conv or pool layer moves it. One
// definition serves both variants of the windowed diffusion step: diffusion.ts keeps the window
// values in tensors (tfjs gathers, GPU backends), host.ts in typed arrays (wasm and cpu). Integer
// bookkeeping only: no tensors and no values here.
import type { ConvSpec, PoolSpec } from './network';

/** Where the B windows of a batch sit on one layer's H×W×C map. */
export interface WindowFrame {
  /** Batch size (one item per pixel, or per start image for full-size windows). */
  B: number;
  /** Window origin (row, col) of each batch item in the layer's map. */
  oh: Int32Array;
  ow: Int32Array;
  /** Window size; values are laid out [B, wh, ww, C] (dense layers: [B, C], wh = ww = 1). */
  wh: number;
  ww: number;
  /** The layer's map size. */
  H: number;
  W: number;
  C: number;
  /** A dense layer's [B, C] vector rather than a spatial map. */
  flat: boolean;
}

/** Every window spans its whole map. */
export function isFull(w: WindowFrame): boolean {
  return w.wh === w.H && w.ww === w.W && w.oh.every((o) => o === 0) && w.ow.every((o) => o === 0);
}

/** Whole-map windows of B items. */
export function fullFrame(B: number, H: number, W: number, C: number): WindowFrame {
  return { B, oh: new Int32Array(B), ow: new Int32Array(B), wh: H, ww: W, H, W, C, flat: false };
}

/** The [B, C] output of a dense layer. */
export function denseFrame(B: number, C: number): WindowFrame {
  return {
    B,
    oh: new Int32Array(B),
    ow: new Int32Array(B),
    wh: 1,
    ww: 1,
    H: 1,
    W: 1,
    C,
    flat: true,
  };
}

/** One 1×1 window per pixel (flat positions row * W + col) of an H×W×C map. */
export function pixelFrame(
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): WindowFrame {
  const B = pixels.length;
  const oh = Int32Array.from({ length: B }, (_, i) => Math.floor(pixels[i]! / W));
  const ow = Int32Array.from({ length: B }, (_, i) => pixels[i]! % W);
  return { B, oh, ow, wh: 1, ww: 1, H, W, C, flat: false };
}

/**
 * One-pixel starts: item i is the image's column (all channels) at flat position pixels[i], in a
 * 1×1 window at that pixel. `values` is [B, C].
 */
export function pixelStart(
  image: Float32Array,
  H: number,
  W: number,
  C: number,
  pixels: ArrayLike<number>,
): { frame: WindowFrame; values: Float32Array } {
  const values = new Float32Array(pixels.length * C);
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    for (let c = 0; c < C; c++) values[i * C + c] = image[p * C + c]!;
  }
  return { frame: pixelFrame(H, W, C, pixels), values };
}

interface DimPlan {
  size: number;
  origin: Int32Array;
}

/**
 * Output window in one dimension of a conv/pool (kernel k, stride s, leading pad pt): all outputs
 * whose receptive field meets the input window [oi, oi + wi), clipped to the map.
 */
function planDim(
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

/** How a conv or pool layer maps the windows of its input to the windows of its output. */
export interface WindowPlan {
  /** The output windows. */
  out: WindowFrame;
  /**
   * The input region each output window reads: rows [rh[b], rh[b] + regionH) and columns
   * [rw[b], rw[b] + regionW) of the input map (they may reach into the zero padding).
   */
  rh: Int32Array;
  rw: Int32Array;
  regionH: number;
  regionW: number;
}

/** Plans layer `layer` (conv or pool) on input windows `w`; `full` keeps whole maps. */
export function planWindows(layer: ConvSpec | PoolSpec, w: WindowFrame, full: boolean): WindowPlan {
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const [kh, kw] = layer.kind === 'conv' ? layer.kernelSize : layer.poolSize;
  const [sh, sw] = layer.strides;
  const ph = planDim(w.oh, w.wh, w.H, Ho, kh, sh, layer.pads.top, full);
  const pw = planDim(w.ow, w.ww, w.W, Wo, kw, sw, layer.pads.left, full);
  const rh = Int32Array.from(ph.origin, (o) => o * sh - layer.pads.top);
  const rw = Int32Array.from(pw.origin, (o) => o * sw - layer.pads.left);
  return {
    out: {
      B: w.B,
      oh: ph.origin,
      ow: pw.origin,
      wh: ph.size,
      ww: pw.size,
      H: Ho,
      W: Wo,
      C: Co,
      flat: false,
    },
    rh,
    rw,
    regionH: (ph.size - 1) * sh + kh,
    regionW: (pw.size - 1) * sw + kw,
  };
}

/**
 * Max-pool routing on windows: for each element (b, y, x, ch) of the output windows `out`, the
 * index into the input windows' [B, wh, ww, C] values of its switch (the window maximum fixed by
 * the gates), or −1 where the switch lies outside the input window (its value is 0 there).
 */
export function poolSources(w: WindowFrame, out: WindowFrame, switches: Int32Array): Int32Array {
  // Hot loop (every pooled element of every pixel): plain locals only.
  const { C, B } = out;
  const { oh: inOh, ow: inOw, wh: inWh, ww: inWw, W: inW } = w;
  const { oh, ow, wh, ww, W } = out;
  const inWin = inWh * inWw * C;
  const idx = new Int32Array(B * wh * ww * C);
  let n = 0;
  for (let b = 0; b < B; b++) {
    const r0 = inOh[b]!;
    const c0 = inOw[b]!;
    for (let y = 0; y < wh; y++) {
      const u = oh[b]! + y;
      for (let x = 0; x < ww; x++) {
        const base = (u * W + ow[b]! + x) * C;
        for (let ch = 0; ch < C; ch++) {
          const pos = (switches[base + ch]! - ch) / C;
          const r = Math.floor(pos / inW) - r0;
          const c = (pos % inW) - c0;
          idx[n++] =
            r >= 0 && r < inWh && c >= 0 && c < inWw ? b * inWin + (r * inWw + c) * C + ch : -1;
        }
      }
    }
  }
  return idx;
}

/** For each window cell (b, y, x), its map cell (oh[b] + y) · W + ow[b] + x. */
export function frameCells(w: WindowFrame): Int32Array {
  const idx = new Int32Array(w.B * w.wh * w.ww);
  let n = 0;
  for (let b = 0; b < w.B; b++) {
    for (let y = 0; y < w.wh; y++) {
      for (let x = 0; x < w.ww; x++) idx[n++] = (w.oh[b]! + y) * w.W + w.ow[b]! + x;
    }
  }
  return idx;
}
