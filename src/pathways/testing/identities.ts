// The exact checks of docs/method.md ("Exact checks and where they are tested") as reusable
// measurements, run by the tiny and shipped-model test files and by identity-suite.ts (the
// variants and topologies), with their own float32 tolerances. Each returns the largest violation.
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Network } from '../network';
import {
  biasPathway,
  chainPrefixFlows,
  conservationError,
  fullDiffusion,
  imageStatistics,
  queryPixels,
} from '../index';
import type { Gates, ImageStatistics, PixelQueryResult } from '../types';
import { gradTimesInput, maxAbs } from './checks';
import { onePixel, refDiffuse, refForward } from './reference';

/** Definition 3 through the full-size path, one fullDiffusion per non-zero pixel, per layer. */
export async function completenessByPixels(
  net: Network,
  gates: Gates,
  pixels: number[],
): Promise<number[]> {
  const sums = gates.activation.map((h) => new Float64Array(h.length));
  for (const p of pixels) {
    const d = await fullDiffusion(net, gates, [p]);
    d.forEach((layer, l) => {
      const s = sums[l]!;
      for (let i = 0; i < layer.length; i++) s[i]! += layer[i]!;
    });
  }
  const bias = await biasPathway(net, gates);
  return gates.activation.map((h, l) => {
    let err = 0;
    for (let i = 0; i < h.length; i++)
      err = Math.max(err, Math.abs(sums[l]![i]! + bias[l]![i]! - h[i]!));
    return err;
  });
}

/**
 * Layer-1 footprint: D_0^p[u,v,k] = M[u,v,k] · Σ_ch x_p[ch] · K[a,b,ch,k] at u = r + pad − a·…, i.e.
 * the kernel rotated by 180° and scaled by x_p, stamped at p (stride 1 or more, any padding).
 */
export function expectedFootprint(net: Network, gates: Gates, p: number): Float32Array {
  const layer = net.layers[0]!;
  if (layer.kind !== 'conv') throw new Error('first layer is not a conv');
  const { width: W, channels: Ci } = net.input;
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  const r = Math.floor(p / W);
  const c = p % W;
  const out = new Float32Array(Ho * Wo * Co);
  const mask = gates.masks[0];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      // Output u reads input row u*s − pad + a; it sees p when that equals r.
      const un = r + layer.pads.top - a;
      const vn = c + layer.pads.left - b;
      if (un % sh !== 0 || vn % sw !== 0) continue;
      const u = un / sh;
      const v = vn / sw;
      if (u < 0 || u >= Ho || v < 0 || v >= Wo) continue;
      for (let k = 0; k < Co; k++) {
        let acc = 0;
        for (let ch = 0; ch < Ci; ch++) {
          acc += gates.image[p * Ci + ch]! * layer.kernel[((a * kw + b) * Ci + ch) * Co + k]!;
        }
        const i = (u * Wo + v) * Co + k;
        out[i] = mask ? acc * mask[i]! : acc;
      }
    }
  }
  return out;
}

/** Largest |engine − float64 reference| of D_l^p over layers for the given pixels (scaled). */
export async function referenceDiffusionError(
  net: Network,
  gates: Gates,
  pixels: number[],
): Promise<number> {
  const ref = refForward(net, gates.image);
  let err = 0;
  for (const p of pixels) {
    const expected = refDiffuse(net, ref, onePixel(gates.image, net.input.channels, p));
    const got = await fullDiffusion(net, gates, [p]);
    expected.forEach((e, l) => {
      const scale = Math.max(1, maxAbs(e));
      for (let i = 0; i < e.length; i++) err = Math.max(err, Math.abs(e[i]! - got[l]![i]!) / scale);
    });
  }
  return err;
}

/** s_l^p (signed, windowed engine) vs gradient × input through tf.grad, relative to the layer's scale. */
export async function sizeVsGradient(
  model: LayersModel,
  net: Network,
  gates: Gates,
  layers?: number[],
  engine: 'host' | 'device' = 'host',
): Promise<number> {
  const stats = await imageStatistics(net, gates, { engine });
  const grads = gradTimesInput(model, net, gates.image, layers);
  let err = 0;
  for (const [l, g] of grads) {
    const C = net.layers[l]!.info.channels;
    const signed = stats.sizes[l]!.signed;
    const scale = Math.max(1e-3, maxAbs(g));
    // Pixels not analysed (zero-valued) must have zero gradient × input.
    const analysed = new Set(stats.pixels);
    for (let p = 0; p < gates.input.height * gates.input.width; p++) {
      if (!analysed.has(p))
        for (let k = 0; k < C; k++) err = Math.max(err, Math.abs(g[p * C + k]!) / scale);
    }
    stats.pixels.forEach((p, i) => {
      for (let k = 0; k < C; k++) {
        err = Math.max(err, Math.abs(signed[i * C + k]! - g[p * C + k]!) / scale);
      }
    });
  }
  return err;
}

/**
 * Definition 5's balance of a query's flows, recomputed from the flows themselves: the largest
 * |Σ_k F_l − R| over layers (layerSum) and the largest violation of Σ_k F_l = R, of every node's
 * inflow Σ_j E_l[j,k] = F_l[k] and of every node's outflow Σ_k E_l[j,k] = F_{l−1}[j]
 * (conservation).
 */
export function flowBalance(
  q: Pick<PixelQueryResult, 'inputFlow' | 'nodeFlow' | 'edgeFlow' | 'relevance'>,
): { layerSum: number; conservation: number } {
  let layerSum = 0;
  for (const F of q.nodeFlow)
    layerSum = Math.max(layerSum, Math.abs(F.reduce((a, b) => a + b, 0) - q.relevance));
  const conservation = conservationError(q.inputFlow, q.nodeFlow, q.edgeFlow, q.relevance);
  return { layerSum, conservation };
}

/** Definition 5: |Σ_k F_l − R| per layer, edge balance, and R vs the statistics' relevance. */
export async function flowErrors(
  net: Network,
  gates: Gates,
  pixels: number[],
  classIndex: number,
  stats?: ImageStatistics,
): Promise<{
  layerSum: number;
  conservation: number;
  relevanceVsStats: number;
  relevanceVsLogitDiffusion: number;
  scale: number;
}> {
  const q = await queryPixels(net, gates, pixels, { classIndex, chains: false });
  stats ??= await imageStatistics(net, gates);
  const { layerSum, conservation } = flowBalance(q);
  const HW = gates.input.height * gates.input.width;
  let fromStats = 0;
  for (const p of pixels) fromStats += stats.relevance[classIndex * HW + p]!;
  const logitD = q.diffusion[q.diffusion.length - 1]![classIndex]!;
  const scale = Math.max(1e-3, ...q.nodeFlow.map((F) => maxAbs(F)), Math.abs(q.relevance));
  return {
    layerSum,
    // Recomputed, and what the query reported about itself: both must be small.
    conservation: Math.max(conservation, q.maxConservationError),
    relevanceVsStats: Math.abs(fromStats - q.relevance),
    relevanceVsLogitDiffusion: Math.abs(logitD - q.relevance),
    scale,
  };
}

/**
 * Definition 6: chains sum to the whole. Walks `paths` prefixes: at every depth, the flows of a
 * prefix's extensions sum to that prefix's flow (and at depth 0 to R). Returns the largest gap.
 */
export async function chainSumError(
  net: Network,
  gates: Gates,
  pixels: number[],
  classIndex: number,
  prefixes: number[][],
): Promise<number> {
  const q = await queryPixels(net, gates, pixels, { classIndex, chains: false });
  let err = 0;
  for (const prefix of prefixes) {
    let parent = q.relevance;
    for (let depth = 0; depth < prefix.length; depth++) {
      const children = await chainPrefixFlows(
        net,
        gates,
        pixels,
        prefix.slice(0, depth),
        classIndex,
      );
      const total = children.reduce((a, b) => a + b, 0);
      err = Math.max(err, Math.abs(total - parent));
      parent = children[prefix[depth]!]!;
    }
  }
  return err;
}

/** Exhaustive enumeration of every chain's flow (small nets only). */
export async function allChainFlows(
  net: Network,
  gates: Gates,
  pixels: number[],
  classIndex: number,
): Promise<Array<{ maps: number[]; flow: number }>> {
  const L = net.layers.length;
  const out: Array<{ maps: number[]; flow: number }> = [];
  const walk = async (prefix: number[]): Promise<void> => {
    const flows = await chainPrefixFlows(net, gates, pixels, prefix, classIndex);
    if (prefix.length === L - 1) {
      out.push({ maps: [...prefix, classIndex], flow: flows[classIndex]! });
      return;
    }
    for (let k = 0; k < flows.length; k++) await walk([...prefix, k]);
  };
  await walk([]);
  return out;
}
