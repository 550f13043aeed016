// Definition 5 (edge flows and their conservation) and definition 6 (chains by beam search),
// docs/method.md.
import * as tf from '@tensorflow/tfjs-core';
import type { GateTensors } from './device';
import type { Network } from './network';
import type { Gates, PathwayChain } from './types';

/**
 * E_l[j,k] = Σ_uv G_l[u,v,k]·M_l[u,v,k]·(D_{l-1}[:,:,j] ⋆ K_l[:,:,j,k])[u,v], as a [C_{l-1}, C_l]
 * tensor. `prev` is D_{l-1} (the selected input for l = 0) as [1,H,W,C] or [1,N]; `g` is G_l with a
 * batch axis of 1; `flow` is F_l (only used for pool layers, whose edges are diagonal).
 */
export function edgeFlow(
  net: Network,
  gt: GateTensors,
  l: number,
  prev: tf.Tensor,
  g: tf.Tensor,
  flow: tf.Tensor1D,
): tf.Tensor2D {
  const layer = net.layers[l]!;
  const mask = gt.mask[l];
  const gm = mask ? tf.mul(g, mask) : g;
  const [Hi, Wi, Ci] = layer.inShape;
  const Co = layer.info.channels;
  if (layer.kind === 'conv') {
    // Depthwise conv with channel multiplier C_out: output channel j*C_out + k = D[:,:,j] ⋆ K[:,:,j,k].
    const parts = tf.depthwiseConv2d(
      prev as tf.Tensor4D,
      net.tensors[l]!.weights as tf.Tensor4D,
      layer.strides,
      layer.padding,
    );
    const hw = layer.info.height * layer.info.width;
    return tf.sum(tf.mul(tf.reshape(parts, [hw, Ci, Co]), tf.reshape(gm, [hw, 1, Co])), 0);
  }
  if (layer.kind === 'pool') {
    return tf.mul(tf.eye(Co), tf.reshape(flow, [1, Co])) as tf.Tensor2D;
  }
  const w = net.tensors[l]!.weights as tf.Tensor2D; // [N_in, C_out]
  if (layer.meanInput) {
    // Map j enters through its mean: E[j,k] = mean_uv D[u,v,j] · W[j,k] · (G·M)[k].
    const means = tf.div(tf.sum(tf.reshape(prev, [Hi * Wi, Ci]), 0), Hi * Wi);
    return tf.mul(tf.mul(w, tf.reshape(means, [Ci, 1])), tf.reshape(gm, [1, Co]));
  }
  const weighted = tf.mul(w, tf.reshape(prev, [Hi * Wi * Ci, 1]));
  return tf.mul(tf.sum(tf.reshape(weighted, [Hi * Wi, Ci, Co]), 0), tf.reshape(gm, [1, Co]));
}

/** Tensors the chain search needs; all with a batch axis of 1 (see queryPixels). */
export interface ChainInputs {
  /** D_0 of the selection, [1,H,W,C] or [1,N]. */
  first: tf.Tensor;
  /** G_l for the class, per layer. */
  grads: tf.Tensor[];
}

/** A beam: restricted diffusions [HW, B] on each entry's last map, plus the chains so far. */
interface Beam {
  values: tf.Tensor2D;
  maps: number[][];
}

/**
 * Candidate extensions of every beam entry to every map k of layer l: restricted diffusions
 * [HW_l, B, C_l] and scores [B, C_l] = their flow to the class (exact sum over all continuations).
 */
function extend(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  l: number,
  beam: Beam,
  g: tf.Tensor,
): { cand: tf.Tensor3D; scores: tf.Tensor2D } {
  const layer = net.layers[l]!;
  const B = beam.maps.length;
  const last = Int32Array.from(beam.maps, (m) => m[m.length - 1]!);
  const [Hi, Wi, Ci] = layer.inShape;
  const { height: Ho, width: Wo, channels: Co } = layer.info;
  const hw = Ho * Wo;
  let cand: tf.Tensor3D;
  if (layer.kind === 'conv') {
    const input = tf.reshape(beam.values, [1, Hi, Wi, B]) as tf.Tensor4D;
    const filter = tf.gather(
      net.tensors[l]!.weights!,
      tf.tensor1d(last, 'int32'),
      2,
    ) as tf.Tensor4D;
    const out = tf.depthwiseConv2d(input, filter, layer.strides, layer.padding);
    cand = tf.reshape(out, [hw, B, Co]);
  } else if (layer.kind === 'pool') {
    // Route each entry's single map through its own channel's switches; only k = j is non-zero.
    const switches = gates.switches[l]!;
    const idx = new Int32Array(hw * B);
    for (let o = 0; o < hw; o++) {
      for (let b = 0; b < B; b++) {
        const j = last[b]!;
        idx[o * B + b] = ((switches[o * Co + j]! - j) / Ci) * B + b;
      }
    }
    const routed = tf.reshape(tf.gather(tf.reshape(beam.values, [-1]), tf.tensor1d(idx, 'int32')), [
      hw,
      B,
      1,
    ]);
    const onehot = tf.reshape(tf.cast(tf.oneHot(tf.tensor1d(last, 'int32'), Co), 'float32'), [
      1,
      B,
      Co,
    ]);
    cand = tf.mul(routed, onehot) as tf.Tensor3D;
  } else if (layer.meanInput) {
    // Each entry's map enters through its mean, times its own row of the weights.
    const means = tf.div(tf.sum(beam.values, 0), Hi * Wi);
    const rows = tf.gather(net.tensors[l]!.weights!, tf.tensor1d(last, 'int32'), 0);
    cand = tf.reshape(tf.mul(rows, tf.reshape(means, [B, 1])), [1, B, Co]);
  } else {
    // Place each entry's map on its own channel of a whole flattened input, then one matMul.
    const onehot = tf.cast(tf.oneHot(tf.tensor1d(last, 'int32'), Ci), 'float32');
    const spread = tf.mul(
      tf.reshape(tf.transpose(beam.values), [B, Hi * Wi, 1]),
      tf.reshape(onehot, [B, 1, Ci]),
    );
    const out = tf.matMul(
      tf.reshape(spread, [B, Hi * Wi * Ci]),
      net.tensors[l]!.weights as tf.Tensor2D,
    );
    cand = tf.reshape(out, [1, B, Co]);
  }
  const mask = gt.mask[l];
  if (mask) cand = tf.mul(cand, tf.reshape(mask, [hw, 1, Co]));
  const scores = tf.sum(tf.mul(cand, tf.reshape(g, [hw, 1, Co])), 0) as tf.Tensor2D;
  return { cand, scores };
}

type Selector = (l: number, scores: Float32Array, B: number, C: number) => Array<[number, number]>;

/** Runs the chain recursion, keeping the (beam, map) pairs chosen by `select` at every layer. */
async function runChains(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  inputs: ChainInputs,
  select: Selector,
  stopAfter: number,
  /** Beam search: keep entries on their own map through pools without ranking (no read-back). */
  passPools: boolean,
): Promise<{ maps: number[][]; scores: Float32Array; C: number }> {
  const L = net.layers.length;
  const first = net.layers[0]!.info;
  const hw0 = first.height * first.width;
  let beam: Beam | null = null;
  for (let l = 0; l <= stopAfter && l < L; l++) {
    const C = net.layers[l]!.info.channels;
    const hw = net.layers[l]!.info.height * net.layers[l]!.info.width;
    let cand: tf.Tensor3D;
    let scores: tf.Tensor2D;
    if (beam === null) {
      // Layer 0: the candidates are the maps of D_0 itself (the pixel's full input column).
      [cand, scores] = tf.tidy(() => {
        const c = tf.reshape(inputs.first, [hw0, 1, C]) as tf.Tensor3D;
        const s = tf.sum(tf.mul(c, tf.reshape(inputs.grads[0]!, [hw0, 1, C])), 0) as tf.Tensor2D;
        return [c, s];
      });
    } else {
      const current: Beam = beam;
      const r = tf.tidy(() => extend(net, gates, gt, l, current, inputs.grads[l]!));
      cand = r.cand;
      scores = r.scores;
      current.values.dispose();
    }
    const B = beam ? beam.maps.length : 1;
    const last = l === stopAfter || l === L - 1;
    if (passPools && !last && beam && net.layers[l]!.kind === 'pool') {
      // A pool keeps each entry on its own map: nothing to rank, no read-back needed.
      scores.dispose();
      const own = beam.maps.map((m, b) => [b, m[m.length - 1]!] as [number, number]);
      const values = tf.tidy(() =>
        tf.gather(
          tf.reshape(cand, [hw, B * C]),
          tf.tensor1d(
            Int32Array.from(own, ([b, k]) => b * C + k),
            'int32',
          ),
          1,
        ),
      ) as tf.Tensor2D;
      cand.dispose();
      beam = { values, maps: beam.maps.map((m) => [...m, m[m.length - 1]!]) };
      continue;
    }
    const s = (await scores.data()) as Float32Array;
    scores.dispose();
    if (last) {
      cand.dispose();
      return { maps: beam ? beam.maps : [[]], scores: Float32Array.from(s), C };
    }
    const chosen = select(l, s, B, C);
    if (chosen.length === 0) {
      cand.dispose();
      return { maps: [], scores: new Float32Array(0), C };
    }
    const prevMaps: number[][] = beam ? beam.maps : [[]];
    const columns = Int32Array.from(chosen, ([b, k]) => b * C + k);
    const values = tf.tidy(() =>
      tf.gather(tf.reshape(cand, [hw, B * C]), tf.tensor1d(columns, 'int32'), 1),
    ) as tf.Tensor2D;
    cand.dispose();
    beam = { values, maps: chosen.map(([b, k]) => [...prevMaps[b]!, k]) };
  }
  throw new Error('unreachable');
}

function topByMagnitude(scores: Float32Array, count: number): number[] {
  const order = Array.from(scores.keys()).filter((i) => scores[i] !== 0);
  order.sort((a, b) => Math.abs(scores[b]!) - Math.abs(scores[a]!) || a - b);
  return order.slice(0, count);
}

/**
 * Definition 6: the top chains (one map per pathway layer, ending at the class unit) by beam
 * search on |flow|. A prefix's score is the exact total flow of all chains that extend it, so the
 * search is exact up to the beam's pruning (approximate: say so in the UI).
 */
export async function topChains(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  inputs: ChainInputs,
  classIndex: number,
  beamWidth: number,
  count: number,
): Promise<PathwayChain[]> {
  const L = net.layers.length;
  const select: Selector = (_l, scores, B, C) =>
    topByMagnitude(scores, beamWidth).map((i) => [Math.floor(i / C), i % C] as [number, number]);
  const last = await runChains(net, gates, gt, inputs, select, L - 1, true);
  const chains: PathwayChain[] = last.maps.map((maps, b) => ({
    maps: [...maps, classIndex],
    flow: last.scores[b * last.C + classIndex]!,
  }));
  chains.sort((a, b) => Math.abs(b.flow) - Math.abs(a.flow));
  return chains.filter((c) => c.flow !== 0).slice(0, count);
}

/**
 * Flows of the extensions of one chain prefix (maps on layers 0..prefix.length-1) to every map of
 * layer prefix.length: Σ_k result[k] equals the prefix's own flow (the chains sum to the whole).
 */
export async function prefixFlows(
  net: Network,
  gates: Gates,
  gt: GateTensors,
  inputs: ChainInputs,
  prefix: number[],
): Promise<Float32Array> {
  const select: Selector = (l) => [[0, prefix[l]!]];
  const r = await runChains(net, gates, gt, inputs, select, prefix.length, false);
  return r.scores;
}

/**
 * Largest |violation| of: Σ_k F_l[k] = R (every layer), Σ_j E_l[j,k] = F_l[k] (inflow) and
 * Σ_k E_l[j,k] = F_{l-1}[j] (outflow, with F_{-1} = the input-channel flows).
 */
export function conservationError(
  inputFlow: Float32Array,
  nodeFlow: Float32Array[],
  edgeFlows: Float32Array[],
  relevance: number,
): number {
  let err = 0;
  nodeFlow.forEach((F, l) => {
    let total = 0;
    for (const v of F) total += v;
    err = Math.max(err, Math.abs(total - relevance));
    const E = edgeFlows[l]!;
    const prev = l === 0 ? inputFlow : nodeFlow[l - 1]!;
    const Ci = prev.length;
    const Co = F.length;
    for (let k = 0; k < Co; k++) {
      let inflow = 0;
      for (let j = 0; j < Ci; j++) inflow += E[j * Co + k]!;
      err = Math.max(err, Math.abs(inflow - F[k]!));
    }
    for (let j = 0; j < Ci; j++) {
      let outflow = 0;
      for (let k = 0; k < Co; k++) outflow += E[j * Co + k]!;
      err = Math.max(err, Math.abs(outflow - prev[j]!));
    }
  });
  return err;
}
