// Whole-image statistics (docs/method.md, definitions 3, 4, 7, 8 and the relevance of 5): every
// analysed pixel's pathway sizes on every map from the windowed batch (device variant
// diffusion.ts or host variant host.ts), then pathway counts (counts.ts), portion-hot codes
// (top-maps.ts) and the relevance of every pixel for every class.
import * as tf from '@tensorflow/tfjs-core';
import { countPathways } from './counts';
import { pack, readPacked, uploadGates, type GateTensors } from './device';
import { pixelWindow, step, toFull, windowSizes } from './diffusion';
import { classRelevance } from './gradient';
import { hostAccumulate, hostPixelWindow, hostSizes, hostStep } from './host';
import { layerInfos, type Network } from './network';
import { biasPathwayOn, checkPixels } from './query';
import { DEFAULT_TOP_M, portionHotShares, topMaps as topMapsOf } from './top-maps';
import type { Gates, ImageStatistics, InputInfo, Measure } from './types';

export interface StatisticsOptions {
  /** Measure for counts and portion-hot codes (default 'positive'). */
  measure?: Measure;
  /** Absolute threshold τ: a pathway exists when size > τ (default 0). */
  threshold?: number;
  /**
   * Relative threshold: when set, τ_l = relative × (largest size on layer l over the analysed
   * pixels and maps), replacing `threshold`.
   */
  relative?: number;
  /** m of the portion-hot code (default 3; clamped to each layer's map count). */
  topM?: number;
  /** Pixels to analyse (flat row * W + col); default every pixel with a non-zero value. */
  pixels?: ArrayLike<number>;
  /** Pixels per device batch (default: as many as fit a ~64 MB working set). */
  batchSize?: number;
  /** Also check completeness (definition 3) over all non-zero pixels. */
  completeness?: boolean;
  /**
   * Where the per-pixel window bookkeeping runs: 'host' (typed arrays; only convs and matMuls
   * are tfjs ops) or 'device' (all tfjs ops, gathers included). Default 'auto': host on the wasm
   * and cpu backends, device on GPU backends. Both give the same numbers.
   */
  engine?: Engine;
}

export type Engine = 'auto' | 'host' | 'device';

function resolveEngine(engine: Engine = 'auto'): 'host' | 'device' {
  if (engine !== 'auto') return engine;
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu' ? 'host' : 'device';
}

/**
 * Flat positions (row * W + col) of the pixels with a non-zero value in some channel: the pixels
 * that diffuse anything. Takes Gates or any { image, input }.
 */
export function nonZeroPixels(source: { image: ArrayLike<number>; input: InputInfo }): Int32Array {
  const { image, input } = source;
  const C = input.channels;
  const out: number[] = [];
  const n = input.height * input.width;
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < C; c++) {
      if (image[p * C + c] !== 0) {
        out.push(p);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

function defaultBatch(net: Network): number {
  let largest = net.input.height * net.input.width * net.input.channels;
  for (const l of net.layers)
    largest = Math.max(largest, l.info.height * l.info.width * l.info.channels);
  return Math.max(16, Math.floor((1 << 24) / largest));
}

/** sizes[l][measure] for P pixels, [P × C_l] each. */
function emptySizes(net: Network, P: number): Array<Record<Measure, Float32Array>> {
  return net.layers.map((l) => ({
    signed: new Float32Array(P * l.info.channels),
    positive: new Float32Array(P * l.info.channels),
    l1: new Float32Array(P * l.info.channels),
  }));
}

interface BatchResult {
  /** sizes[l][measure] for the analysed pixels, [P × C_l]. */
  sizes: Array<Record<Measure, Float32Array>> | null;
  /** Σ_p D_l^p over the batches, H×W×C per layer. */
  sums: Float32Array[] | null;
}

/**
 * The batched, windowed per-pixel diffusion (definition 2) of `pixels`, returning their sizes in
 * all measures and/or the sum of their diffusions.
 */
async function runPixels(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  pixels: Int32Array,
  want: { sizes: boolean; sums: boolean },
  batchSize: number,
  engine: 'host' | 'device',
): Promise<BatchResult> {
  if (engine === 'host') return runPixelsHost(net, gates, pixels, want, batchSize);
  const L = net.layers.length;
  const P = pixels.length;
  const { height: H, width: W, channels: C } = gates.input;
  const sizes = want.sizes ? emptySizes(net, P) : null;
  let sums: tf.Tensor[] | null = null;
  try {
    for (let start = 0; start < P; start += batchSize) {
      const chunk = pixels.subarray(start, Math.min(P, start + batchSize));
      const { sizePacked, partial } = tf.tidy(() => {
        let w = pixelWindow(gates.image, H, W, C, chunk);
        const sizeTensors: tf.Tensor[] = [];
        const partial: tf.Tensor[] = [];
        for (let l = 0; l < L; l++) {
          w = step(net, gates, gt, l, w, { bias: false, full: false });
          if (want.sizes) {
            const s = windowSizes(w);
            sizeTensors.push(tf.concat([s.signed, s.positive, s.l1], 1));
          }
          if (want.sums) partial.push(tf.sum(toFull(w), 0));
        }
        // All layers' sizes of the chunk in one flat tensor: one read-back per chunk.
        return { sizePacked: want.sizes ? pack(sizeTensors) : undefined, partial };
      });
      if (want.sums) {
        const previous: tf.Tensor[] | null = sums;
        sums = previous ? tf.tidy(() => partial.map((t, l) => tf.add(t, previous[l]!))) : partial;
        if (previous) {
          for (const t of previous) t.dispose();
          for (const t of partial) t.dispose();
        }
      }
      const data = sizePacked ? await readPacked(sizePacked) : [];
      if (sizes) {
        data.forEach((values, l) => {
          const Cl = net.layers[l]!.info.channels;
          const target = sizes[l]!;
          for (let i = 0; i < chunk.length; i++) {
            const row = (start + i) * Cl;
            const src = i * 3 * Cl;
            target.signed.set(values.subarray(src, src + Cl), row);
            target.positive.set(values.subarray(src + Cl, src + 2 * Cl), row);
            target.l1.set(values.subarray(src + 2 * Cl, src + 3 * Cl), row);
          }
        });
      }
    }
    let sumData: Float32Array[] | null = null;
    if (want.sums) {
      if (sums) {
        const s: tf.Tensor[] = sums;
        const packed = tf.tidy(() => pack(s));
        sums = null; // readPacked disposes what it reads; parts it does not read go now.
        for (const t of s) if (!packed.tensors.includes(t)) t.dispose();
        sumData = await readPacked(packed);
      } else {
        sumData = net.layers.map(
          (l) => new Float32Array(l.info.height * l.info.width * l.info.channels),
        );
      }
    }
    return { sizes, sums: sumData };
  } finally {
    const s: tf.Tensor[] | null = sums;
    if (s) for (const t of s) t.dispose();
  }
}

async function runPixelsHost(
  net: Network,
  gates: Gates,
  pixels: Int32Array,
  want: { sizes: boolean; sums: boolean },
  batchSize: number,
): Promise<BatchResult> {
  const P = pixels.length;
  const { height: H, width: W, channels: C } = gates.input;
  const sizes = want.sizes ? emptySizes(net, P) : null;
  const sums = want.sums ? gates.activation.map((h) => new Float64Array(h.length)) : null;
  for (let start = 0; start < P; start += batchSize) {
    const chunk = pixels.subarray(start, Math.min(P, start + batchSize));
    let w = hostPixelWindow(gates.image, H, W, C, chunk);
    for (let l = 0; l < net.layers.length; l++) {
      w = await hostStep(net, gates, l, w);
      if (sizes) hostSizes(w, sizes[l]!, start);
      if (sums) hostAccumulate(w, sums[l]!);
    }
  }
  return { sizes, sums: sums ? sums.map((s) => Float32Array.from(s)) : null };
}

async function completenessFrom(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  sums: Float32Array[],
): Promise<Float32Array> {
  const bias = await biasPathwayOn(net, gates, gt);
  return Float32Array.from(net.layers, (_l, l) => {
    const h = gates.activation[l]!;
    const d = sums[l]!;
    const b = bias[l]!;
    let err = 0;
    for (let i = 0; i < h.length; i++) err = Math.max(err, Math.abs(d[i]! + b[i]! - h[i]!));
    return err;
  });
}

/**
 * Definition 3 checked through the batched per-pixel engine: per layer, max |Σ_p D_l^p + B_l − h_l|
 * over all non-zero pixels p (zero pixels diffuse nothing).
 */
export async function completenessError(
  net: Network,
  gates: Gates,
  options: { batchSize?: number; engine?: Engine } = {},
): Promise<Float32Array> {
  const gt = uploadGates(net, gates);
  try {
    const r = await runPixels(
      net,
      gates,
      gt,
      nonZeroPixels(gates),
      { sizes: false, sums: true },
      options.batchSize ?? defaultBatch(net),
      resolveEngine(options.engine),
    );
    return await completenessFrom(net, gates, gt, r.sums!);
  } finally {
    gt.dispose();
  }
}

function relevanceFromLogits(
  logitD: Float32Array,
  pixels: Int32Array,
  K: number,
  HW: number,
): Float32Array {
  const out = new Float32Array(K * HW);
  pixels.forEach((p, i) => {
    for (let c = 0; c < K; c++) out[c * HW + p] = logitD[i * K + c]!;
  });
  return out;
}

/**
 * Whole-image statistics: sizes of every analysed pixel on every map of every layer (all three
 * measures), pathway counts N_l[k] and N_total, portion-hot codes, relevance R_c(p) of every pixel
 * for every class, and optionally the completeness error.
 */
export async function imageStatistics(
  net: Network,
  gates: Gates,
  options: StatisticsOptions = {},
): Promise<ImageStatistics> {
  const measure = options.measure ?? 'positive';
  const topM = Math.max(1, Math.floor(options.topM ?? DEFAULT_TOP_M));
  const all = nonZeroPixels(gates);
  const pixels = options.pixels ? Int32Array.from(checkPixels(gates, options.pixels)) : all;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? defaultBatch(net)));
  const sameSet = pixels.length === all.length && pixels.every((p, i) => p === all[i]);
  const analysed = new Set(pixels);
  const coversAll = all.every((p) => analysed.has(p));
  const { height: H, width: W } = gates.input;
  const K = net.classCount;
  const gt = uploadGates(net, gates);
  try {
    const engine = resolveEngine(options.engine);
    const want = { sizes: true, sums: options.completeness === true && sameSet };
    const r = await runPixels(net, gates, gt, pixels, want, batchSize, engine);
    // R_c(p) = D_logits^p[c] (the logits layer is 1×1, so its signed size is the diffusion itself);
    // zero pixels have R = 0. For a partial pixel set, one backward pass gives every pixel's R.
    const relevance = coversAll
      ? relevanceFromLogits(r.sizes![net.layers.length - 1]!.signed, pixels, K, H * W)
      : await classRelevance(net, gates, gt);
    let completeness: Float32Array | undefined;
    if (options.completeness) {
      if (r.sums) {
        completeness = await completenessFrom(net, gates, gt, r.sums);
      } else {
        const extra = await runPixels(
          net,
          gates,
          gt,
          all,
          { sizes: false, sums: true },
          batchSize,
          engine,
        );
        completeness = await completenessFrom(net, gates, gt, extra.sums!);
      }
    }
    const sizes = r.sizes!;
    const P = pixels.length;
    const layers = layerInfos(net);
    // Definition 7 on every analysed pixel (counts.ts), definition 8 per layer (top-maps.ts).
    const counted = countPathways(
      { sizes, layers, pixels, measure },
      { threshold: options.threshold, relative: options.relative },
    );
    const topMaps: Int32Array[] = [];
    const portionHot: Float32Array[] = [];
    layers.forEach((info, l) => {
      const m = Math.min(topM, info.channels);
      const top = topMapsOf(sizes[l]![measure], P, info.channels, m);
      topMaps.push(top);
      portionHot.push(portionHotShares(top, P, info.channels, m));
    });
    const result: ImageStatistics = {
      input: { ...gates.input },
      layers,
      pixels,
      sizes,
      measure,
      thresholds: Float32Array.from(counted.thresholds),
      counts: counted.counts,
      total: counted.total,
      topM,
      topMaps,
      portionHot,
      relevance,
      classCount: K,
      logits: Float32Array.from(gates.logits),
      probabilities: Float32Array.from(gates.probabilities),
      prediction: gates.prediction,
    };
    if (completeness) result.completenessError = completeness;
    return result;
  } finally {
    gt.dispose();
  }
}
