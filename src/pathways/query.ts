// One-pixel (or pixel-set) queries (docs/method.md, definitions 2–6): everything the visualizer
// draws for a selection, on full-size maps (diffusion.ts with `full: true`).
import * as tf from '@tensorflow/tfjs-core';
import { pack, readPacked, uploadGates, type GateTensors, type Packed } from './device';
import { fullWindow, step, windowSizes, type DiffusionWindow } from './diffusion';
import {
  conservationError,
  edgeFlow,
  prefixFlows as prefixFlowsImpl,
  topChains,
  type ChainInputs,
} from './flows';
import { classGradients } from './gradient';
import { layerInfos, type Network } from './network';
import type { QueryCache } from './query-cache';
import type { Gates, Measure, PathwayChain, PixelQueryResult } from './types';

export interface QueryOptions {
  /** Class whose logit the flows are conserved towards; default: the prediction. */
  classIndex?: number;
  /** Beam width of the chain search (default 16). */
  beamWidth?: number;
  /** How many chains to return (default 10, at most beamWidth). */
  topChains?: number;
  /** Skip the chain search (chains = []). */
  chains?: boolean;
}

const DEFAULT_BEAM_WIDTH = 16;
const DEFAULT_TOP_CHAINS = 10;

/** Validates flat pixel positions (row * W + col) and returns them sorted and de-duplicated. */
export function checkPixels(gates: Gates, pixels: ArrayLike<number>): number[] {
  const n = gates.input.height * gates.input.width;
  const set = new Set<number>();
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    if (!Number.isInteger(p) || p < 0 || p >= n) {
      throw new Error(
        `Pixel ${p} is outside the ${gates.input.height}×${gates.input.width} image.`,
      );
    }
    set.add(p);
  }
  return [...set].sort((a, b) => a - b);
}

/** The image restricted to a pixel set (all channels of each pixel), as [1,H,W,C]. */
function selectionImage(gates: Gates, pixels: number[]): Float32Array {
  const { channels: C } = gates.input;
  const out = new Float32Array(gates.image.length);
  for (const p of pixels) {
    for (let c = 0; c < C; c++) out[p * C + c] = gates.image[p * C + c]!;
  }
  return out;
}

/** Full-size gated forward of a [B,H,W,C] start; returns every layer's window (caller tidies). */
export function forwardFull(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  start: tf.Tensor4D,
  bias: boolean,
): DiffusionWindow[] {
  const out: DiffusionWindow[] = [];
  let w = fullWindow(start);
  for (let l = 0; l < net.layers.length; l++) {
    w = step(net, gates, gt, l, w, { bias, full: true });
    out.push(w);
  }
  return out;
}

/**
 * Definition 2 for a set of pixels, summed (linearity): D_l of the image restricted to `pixels`.
 * Returns diffusion[l] (H×W×C of layer l). A check / export helper; queryPixels returns the same.
 */
export async function fullDiffusion(
  net: Network,
  gates: Gates,
  pixels: ArrayLike<number>,
): Promise<Float32Array[]> {
  const sel = checkPixels(gates, pixels);
  const { height: H, width: W, channels: C } = gates.input;
  const gt = uploadGates(net, gates);
  try {
    const packed = tf.tidy(() => {
      const x = tf.tensor4d(selectionImage(gates, sel), [1, H, W, C]);
      return pack(forwardFull(net, gates, gt, x, false).map((w) => w.t));
    });
    return await readPacked(packed);
  } finally {
    gt.dispose();
  }
}

/** Definition 3 with the gates already on the device: B_l per layer. */
export async function biasPathwayOn(
  net: Network,
  gates: Gates,
  gt: GateTensors,
): Promise<Float32Array[]> {
  const { height: H, width: W, channels: C } = gates.input;
  const packed = tf.tidy(() =>
    pack(forwardFull(net, gates, gt, tf.zeros([1, H, W, C]), true).map((w) => w.t)),
  );
  return readPacked(packed);
}

/** Definition 3: the bias pathway B_l (zero image, biases on, gates fixed), per layer. */
export async function biasPathway(net: Network, gates: Gates): Promise<Float32Array[]> {
  const gt = uploadGates(net, gates);
  try {
    return await biasPathwayOn(net, gates, gt);
  } finally {
    gt.dispose();
  }
}

/** A query's pixels and options, checked, with the defaults filled in. */
interface ResolvedQuery {
  sel: number[];
  classIndex: number;
  beamWidth: number;
  chainCount: number;
}

function resolveQuery(
  net: Network,
  gates: Gates,
  pixels: ArrayLike<number>,
  options: QueryOptions,
): ResolvedQuery {
  const sel = checkPixels(gates, pixels);
  if (sel.length === 0) throw new Error('Select at least one pixel.');
  const classIndex = options.classIndex ?? gates.prediction;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= net.classCount) {
    throw new Error(`Class ${classIndex} is not one of the model's ${net.classCount} classes.`);
  }
  const beamWidth = Math.max(1, Math.floor(options.beamWidth ?? DEFAULT_BEAM_WIDTH));
  const chainCount = Math.max(
    0,
    Math.min(beamWidth, Math.floor(options.topChains ?? DEFAULT_TOP_CHAINS)),
  );
  return { sel, classIndex, beamWidth, chainCount };
}

/**
 * Everything about one pixel or a pixel set (flat positions row * W + col; their diffusions are
 * summed): per-layer diffusion maps and sizes (all three measures), node and edge flows towards
 * `classIndex`, relevance R_c, the top chains and the largest conservation error.
 */
export async function queryPixels(
  net: Network,
  gates: Gates,
  pixels: ArrayLike<number>,
  options: QueryOptions = {},
  /** Keeps the gates' tensors and the class gradients between queries (the worker's, one image). */
  cache?: QueryCache,
): Promise<PixelQueryResult> {
  const { sel, classIndex, beamWidth, chainCount } = resolveQuery(net, gates, pixels, options);
  const { height: H, width: W, channels: C } = gates.input;
  const L = net.layers.length;
  // Without a cache the gates and the gradients are this query's own, freed at its end.
  const kept = cache?.acquire(net, gates, classIndex) ?? null;
  const gt = kept?.gt ?? uploadGates(net, gates);
  let chainInputs: ChainInputs | null = null;
  let outputs: Packed | null = null;
  try {
    const computed = tf.tidy(() => {
      const x = tf.tensor4d(selectionImage(gates, sel), [1, H, W, C]);
      const windows = forwardFull(net, gates, gt, x, false);
      const grads = kept?.grads ?? classGradients(net, gates, gt, [classIndex]);
      const list: tf.Tensor[] = [];
      const inputFlow = tf.sum(tf.reshape(tf.mul(x, grads.input), [H * W, C]), 0);
      list.push(inputFlow);
      windows.forEach((w, l) => {
        const sizes = windowSizes(w);
        const nodeFlow = tf.sum(
          tf.reshape(tf.mul(w.t, grads.layers[l]!), [-1, w.C]),
          0,
        ) as tf.Tensor1D;
        const prev = l === 0 ? x : windows[l - 1]!.t;
        const edges = edgeFlow(net, gt, l, prev, grads.layers[l]!, nodeFlow);
        list.push(w.t, sizes.signed, sizes.positive, sizes.l1, nodeFlow, edges);
      });
      // GPU backends: every output in one flat tensor, one read-back for the answer (chains aside).
      return { outputs: pack(list), inputs: { first: windows[0]!.t, grads: grads.layers } };
    });
    outputs = computed.outputs;
    chainInputs = computed.inputs;
    // The chain search reads its scores layer by layer; the answer is read once, after it, so
    // that only one read-back is in flight at a time.
    const chains =
      options.chains === false || chainCount === 0
        ? []
        : await topChains(net, gates, gt, chainInputs, classIndex, beamWidth, chainCount);
    const packed = outputs;
    outputs = null; // readPacked disposes it once its read has settled.
    const data = await readPacked(packed);
    const inputFlow = data[0]!;
    const diffusion: Float32Array[] = [];
    const sizes: Array<Record<Measure, Float32Array>> = [];
    const nodeFlow: Float32Array[] = [];
    const edgeFlows: Float32Array[] = [];
    for (let l = 0; l < L; l++) {
      const o = 1 + 6 * l;
      diffusion.push(data[o]!);
      sizes.push({ signed: data[o + 1]!, positive: data[o + 2]!, l1: data[o + 3]! });
      nodeFlow.push(data[o + 4]!);
      edgeFlows.push(data[o + 5]!);
    }
    let relevance = 0;
    for (const v of inputFlow) relevance += v;
    return {
      pixels: sel,
      classIndex,
      input: { ...gates.input },
      layers: layerInfos(net),
      sizes,
      nodeFlow,
      edgeFlow: edgeFlows,
      inputFlow,
      relevance,
      diffusion,
      chains,
      beamWidth,
      maxConservationError: conservationError(inputFlow, nodeFlow, edgeFlows, relevance),
    };
  } finally {
    for (const t of outputs?.tensors ?? []) t.dispose();
    // The first window and the gradients were kept for the chain search (cached ones stay).
    if (chainInputs) {
      chainInputs.first.dispose();
      if (!kept) for (const g of chainInputs.grads) g.dispose();
    }
    if (!kept) gt.dispose();
  }
}

/**
 * What the chain search starts from: D_0 of the selection and the class gradients G_l^c (the
 * cache's, when given; the caller disposes of the first and of gradients it did not pass in).
 */
function chainStart(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  sel: number[],
  classIndex: number,
  grads?: tf.Tensor[],
): ChainInputs {
  const { height: H, width: W, channels: C } = gates.input;
  return tf.tidy(() => {
    const x = tf.tensor4d(selectionImage(gates, sel), [1, H, W, C]);
    const first = step(net, gates, gt, 0, fullWindow(x), { bias: false, full: true }).t;
    return { first, grads: grads ?? classGradients(net, gates, gt, [classIndex]).layers };
  });
}

/** The top chains of a selection, on their own (queryChains). */
export interface ChainsResult {
  pixels: number[];
  classIndex: number;
  beamWidth: number;
  /** Exactly queryPixels(...).chains for the same pixels, class and options. */
  chains: PathwayChain[];
}

/**
 * Definition 6 alone: the top chains that queryPixels returns with everything else. The app asks
 * for them after the Sankey (src/app/session/pathway-chains.ts): the beam search reads its scores
 * layer by layer and was most of a one-pixel query's time on the small model (docs/benchmarks.md),
 * while the diagram needs none of it. With the worker's cache the gates and the class gradients
 * are the ones the query just used; only D_0 of the selection is computed again.
 */
export async function queryChains(
  net: Network,
  gates: Gates,
  pixels: ArrayLike<number>,
  options: QueryOptions = {},
  cache?: QueryCache,
): Promise<ChainsResult> {
  const { sel, classIndex, beamWidth, chainCount } = resolveQuery(net, gates, pixels, options);
  const answer = (chains: PathwayChain[]) => ({ pixels: sel, classIndex, beamWidth, chains });
  if (options.chains === false || chainCount === 0) return answer([]);
  const kept = cache?.acquire(net, gates, classIndex) ?? null;
  const gt = kept?.gt ?? uploadGates(net, gates);
  let inputs: ChainInputs | null = null;
  try {
    inputs = chainStart(net, gates, gt, sel, classIndex, kept?.grads.layers);
    return answer(await topChains(net, gates, gt, inputs, classIndex, beamWidth, chainCount));
  } finally {
    if (inputs) {
      inputs.first.dispose();
      if (!kept) for (const g of inputs.grads) g.dispose();
    }
    if (!kept) gt.dispose();
  }
}

/**
 * Flows of the extensions of a chain prefix (one map per layer 0..prefix.length-1) to every map
 * of layer prefix.length, for the selection and class. Σ_k result[k] = the prefix's flow; with an
 * empty prefix the result is F_0. Exposed for checks and for drilling into a chain.
 */
export async function chainPrefixFlows(
  net: Network,
  gates: Gates,
  pixels: ArrayLike<number>,
  prefix: number[],
  classIndex: number = gates.prediction,
): Promise<Float32Array> {
  const sel = checkPixels(gates, pixels);
  if (prefix.length >= net.layers.length) throw new Error('The prefix is a whole chain already.');
  prefix.forEach((k, l) => {
    if (!Number.isInteger(k) || k < 0 || k >= net.layers[l]!.info.channels) {
      throw new Error(`Map ${k} does not exist on layer ${l}.`);
    }
  });
  const gt = uploadGates(net, gates);
  let inputs: ChainInputs | null = null;
  try {
    inputs = chainStart(net, gates, gt, sel, classIndex);
    return await prefixFlowsImpl(net, gates, gt, inputs, prefix);
  } finally {
    inputs?.first.dispose();
    for (const g of inputs?.grads ?? []) g.dispose();
    gt.dispose();
  }
}
