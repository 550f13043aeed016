// Hand-checked values on the tiny network of testing/tiny.ts, plus every exact identity.
// Hand derivation (x(1,1) = 0.5, x(2,2) = 1; conv z0[u,v] = x[u,v] + 2x[u+1,v+1], z1 = 0.25 − x[u−1,v−1]):
//   z0 = 1 at (0,0), 2.5 at (1,1), 1 at (2,2); z1 = −0.25 at (2,2), −0.75 at (3,3), 0.25 elsewhere.
//   D_conv of p=(1,1): map 0 = 1 at (0,0), 0.5 at (1,1) (the kernel rotated 180° × 0.5); map 1 = 0
//   (−0.5 at (2,2) is gated off). p=(2,2): map 0 = 2 at (1,1), 1 at (2,2).
//   pool switches map 0: (1,1), (0,2) [all-zero window: first], (2,0), (2,2); map 1: (0,0), (0,2), (2,0), (2,3).
//   dense1: z = [2.5, 1] (both open); D of (1,1) = [0.5, 0], of (2,2) = [1, 2]; bias part [1, −1].
//   logits: z = [3.1, −1.5]; D of (1,1) = [0.5, −0.5]; of (2,2) = [2, 1]; bias pathway [0.6, −2].
//   Class 0, pixel (2,2): G_dense = [1, 0.5] so F_dense = [1, 1]; F_pool = [2, 0]; edges pool→dense
//   from map 0: [2·1 − 1·1, 1·2·0.5] = [1, 1]; chains (0,0,0,0) and (0,0,1,0) carry 1 each; R = 2.
//   Positive sizes [map 0, map 1] of (1,1) / (2,2): conv [1.5, 0] / [3, 0]; pool [0.5, 0] / [3, 0];
//   dense1 [0.5, 0] / [1, 2]; logits [0.5, 0] / [2, 1] (l1 of (1,1) at the logits: [0.5, 0.5]).
//   Counts (τ = 0): conv [2, 0], pool [2, 0], dense1 [2, 1], logits [2, 1], N_total = 10. Relative
//   0.4: τ = [1.2, 1.2, 0.8, 0.8] → conv [2, 0], pool [1, 0], dense1 [1, 1], logits [1, 1], N = 7.
//   Top-1 maps of (1,1) / (2,2): conv 0 / 0, pool 0 / 0, dense1 0 / 1, logits 0 / 0, so the
//   portion-hot shares are conv [1, 0], pool [1, 0], dense1 [0.5, 0.5], logits [1, 0].
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  biasPathway,
  buildNetwork,
  chainPrefixFlows,
  completenessError,
  computeGates,
  conservationError,
  countPathways,
  disposeNetwork,
  fullDiffusion,
  imageStatistics,
  mapImportance,
  portionHotCode,
  queryPixels,
  type Gates,
  type Network,
} from './index';
import { useWasm } from './testing/backend';
import {
  allChainFlows,
  completenessByPixels,
  expectedFootprint,
  flowBalance,
  referenceDiffusionError,
  sizeVsGradient,
} from './testing/identities';
import { TINY_IMAGE, tinyModel } from './testing/tiny';
import type { LayersModel } from '@tensorflow/tfjs-layers';

const P11 = 1 * 4 + 1;
const P22 = 2 * 4 + 2;
// Tolerance for values that are exact in binary (halves, quarters): float32 rounding only.
const EXACT = 1e-6;

let model: LayersModel;
let net: Network;
let gates: Gates;

beforeAll(async () => {
  await useWasm();
  model = tinyModel();
  net = buildNetwork(model);
  gates = await computeGates(net, TINY_IMAGE);
});

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

/** Integer arrays per layer as one line, e.g. '2 0 | 2 1' (exact comparisons of counts, maps). */
const perLayer = (arrays: ArrayLike<number>[]): string =>
  arrays.map((a) => Array.from(a).join(' ')).join(' | ');

function close(actual: ArrayLike<number>, expected: number[], tol = EXACT): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol);
}

describe('tiny net: hand-computed values', () => {
  it('gates: logits, masks and first-max pool switches', () => {
    close(gates.logits, [3.1, -1.5]);
    expect(gates.prediction).toBe(0);
    // conv mask, NHWC (r*4+c)*2+ch
    const m = gates.masks[0]!;
    expect(m[(0 * 4 + 0) * 2]).toBe(1);
    expect(m[(1 * 4 + 1) * 2]).toBe(1);
    expect(m[(0 * 4 + 1) * 2]).toBe(0);
    expect(m[(2 * 4 + 2) * 2 + 1]).toBe(0);
    expect(m[(3 * 4 + 3) * 2 + 1]).toBe(0);
    expect(m[(0 * 4 + 0) * 2 + 1]).toBe(1);
    const sw = Array.from(gates.switches[1]!);
    const at = (r: number, c: number, ch: number) => (r * 4 + c) * 2 + ch;
    expect(sw).toEqual([
      at(1, 1, 0),
      at(0, 0, 1),
      at(0, 2, 0),
      at(0, 2, 1),
      at(2, 0, 0),
      at(2, 0, 1),
      at(2, 2, 0),
      at(2, 3, 1),
    ]);
  });

  it('layer-1 footprint of (1,1) is the 180°-rotated kernel × 0.5, gated', async () => {
    const d = await fullDiffusion(net, gates, [P11]);
    const expected = new Array<number>(32).fill(0);
    expected[(0 * 4 + 0) * 2] = 1; // 0.5 × K0[2][2] = 0.5 × 2
    expected[(1 * 4 + 1) * 2] = 0.5; // 0.5 × K0[1][1]
    close(d[0]!, expected);
    close(d[0]!, Array.from(expectedFootprint(net, gates, P11)));
  });

  it('diffusion and bias pathway down to the logits', async () => {
    const d11 = await fullDiffusion(net, gates, [P11]);
    const d22 = await fullDiffusion(net, gates, [P22]);
    close(d11[1]!, [0.5, 0, 0, 0, 0, 0, 0, 0]);
    close(d22[1]!, [2, 0, 0, 0, 0, 0, 1, 0]);
    close(d11[2]!, [0.5, 0]);
    close(d22[2]!, [1, 2]);
    close(d11[3]!, [0.5, -0.5]);
    close(d22[3]!, [2, 1]);
    const b = await biasPathway(net, gates);
    close(b[2]!, [1, -1]);
    close(b[3]!, [0.6, -2]);
  });

  it('flows, edges and chains of (2,2) towards class 0', async () => {
    const q = await queryPixels(net, gates, [P22], { classIndex: 0, beamWidth: 8, topChains: 8 });
    expect(q.relevance).toBeCloseTo(2, 6);
    close(q.nodeFlow[0]!, [2, 0]);
    close(q.nodeFlow[1]!, [2, 0]);
    close(q.nodeFlow[2]!, [1, 1]);
    close(q.nodeFlow[3]!, [2, 0]);
    close(q.edgeFlow[2]!, [1, 1, 0, 0]); // from pool map 0 to units 0,1; from map 1: 0
    close(q.edgeFlow[3]!, [1, 0, 1, 0]); // units → logits (only the class column carries flow)
    close(q.edgeFlow[1]!, [2, 0, 0, 0]); // pool edges are diagonal
    close(q.inputFlow, [2]);
    expect(q.maxConservationError).toBeLessThanOrEqual(EXACT);
    expect(q.chains.map((c) => c.maps)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
    close(
      q.chains.map((c) => c.flow),
      [1, 1],
    );
  });

  it('relevance of every pixel for every class', async () => {
    const s = await imageStatistics(net, gates);
    expect(Array.from(s.pixels)).toEqual([P11, P22]);
    expect(s.relevance[0 * 16 + P11]).toBeCloseTo(0.5, 6);
    expect(s.relevance[1 * 16 + P11]).toBeCloseTo(-0.5, 6);
    expect(s.relevance[0 * 16 + P22]).toBeCloseTo(2, 6);
    expect(s.relevance[1 * 16 + P22]).toBeCloseTo(1, 6);
    // sizes of (2,2) at dense1: [1, 2]; counts with τ = 0 on the positive size
    close(s.sizes[2]!.signed.subarray(2, 4), [1, 2]);
    expect(Array.from(s.counts[2]!)).toEqual([2, 1]);
  });

  it('positive sizes, pathway counts N_l and N_total by value', async () => {
    const s = await imageStatistics(net, gates);
    expect(s.measure).toBe('positive');
    const sizes = [
      [1.5, 0, 3, 0],
      [0.5, 0, 3, 0],
      [0.5, 0, 1, 2],
      [0.5, 0, 2, 1],
    ];
    sizes.forEach((expected, l) => close(s.sizes[l]!.positive, expected));
    close(s.sizes[3]!.l1, [0.5, 0.5, 2, 1]);
    expect(perLayer(s.counts)).toBe('2 0 | 2 0 | 2 1 | 2 1');
    expect(s.total).toBe(10);
    close(s.thresholds, [0, 0, 0, 0]);
    const rel = await imageStatistics(net, gates, { relative: 0.4 });
    close(rel.thresholds, [1.2, 1.2, 0.8, 0.8]);
    expect(perLayer(rel.counts)).toBe('2 0 | 1 0 | 1 1 | 1 1');
    expect(rel.total).toBe(7);
    // Recounting the same sizes gives the same numbers; (2,2) alone has 6 pathways at τ = 0.
    const again = countPathways(s, { relative: 0.4 });
    expect(again.layerTotals).toEqual([2, 1, 2, 2]);
    expect(again.total).toBe(7);
    expect(countPathways(s, { pixels: [P22] }).layerTotals).toEqual([1, 1, 2, 2]);
    expect(countPathways(s, { pixels: [P22, 0] }).total).toBe(6);
  });

  it('top-m maps and portion-hot shares by value', async () => {
    const one = await imageStatistics(net, gates, { topM: 1 });
    expect(one.topM).toBe(1);
    // topMaps[l] = top map of (1,1), top map of (2,2)
    expect(perLayer(one.topMaps)).toBe('0 0 | 0 0 | 0 1 | 0 0');
    const shares = [
      [1, 0],
      [1, 0],
      [0.5, 0.5],
      [1, 0],
    ];
    shares.forEach((expected, l) => close(one.portionHot[l]!, expected));
    close(portionHotCode(one), [1, 0, 1, 0, 0.5, 0.5, 1, 0]);
    close(portionHotCode(one, [2, 0]), [0.5, 0.5, 1, 0]);
    // The l1 sizes of (1,1) at the logits tie (0.5, 0.5): the lower index wins.
    const l1 = await imageStatistics(net, gates, { topM: 1, measure: 'l1' });
    expect(Array.from(l1.topMaps[3]!)).toEqual([0, 0]);
    // m = 2 (every layer has 2 maps): both maps, largest first; every share is 1.
    const two = await imageStatistics(net, gates, { topM: 2 });
    expect(perLayer(two.topMaps)).toBe('0 1 0 1 | 0 1 0 1 | 0 1 1 0 | 0 1 0 1');
    for (const p of two.portionHot) close(p, [1, 1]);
    // The default m = 3 is clamped to the 2 maps of each layer.
    const three = await imageStatistics(net, gates);
    expect(three.topM).toBe(3);
    expect(perLayer(three.topMaps)).toBe(perLayer(two.topMaps));
  });
});

describe('tiny net: the checks report violations', () => {
  it('conservation: balanced flows give 0, each kind of imbalance is reported by its size', async () => {
    const q = await queryPixels(net, gates, [P22], { classIndex: 0, chains: false });
    const balanced = flowBalance(q);
    expect(balanced.layerSum).toBeLessThanOrEqual(EXACT);
    expect(balanced.conservation).toBeLessThanOrEqual(EXACT);
    const copy = () => ({
      inputFlow: Float32Array.from(q.inputFlow),
      nodeFlow: q.nodeFlow.map((f) => Float32Array.from(f)),
      edgeFlow: q.edgeFlow.map((e) => Float32Array.from(e)),
      relevance: q.relevance,
    });
    // An edge pool map 0 → dense unit 0 off by 0.25: that unit's inflow and that map's outflow.
    const edge = copy();
    edge.edgeFlow[2]![0] = edge.edgeFlow[2]![0]! + 0.25;
    expect(flowBalance(edge).layerSum).toBeLessThanOrEqual(EXACT);
    expect(flowBalance(edge).conservation).toBeCloseTo(0.25, 6);
    // A node flow off by 0.5: the layer no longer sums to R, nor does the node balance its edges.
    const node = copy();
    node.nodeFlow[2]![1] = node.nodeFlow[2]![1]! + 0.5;
    expect(flowBalance(node).layerSum).toBeCloseTo(0.5, 6);
    expect(flowBalance(node).conservation).toBeCloseTo(0.5, 6);
    // A relevance off by 1: every layer's Σ_k F_l misses it.
    const relevance = { ...copy(), relevance: q.relevance + 1 };
    expect(flowBalance(relevance).layerSum).toBeCloseTo(1, 6);
    expect(flowBalance(relevance).conservation).toBeCloseTo(1, 6);
    // The flow leaving the input channel off by 0.125: only the first layer's edges notice.
    const input = copy();
    input.inputFlow[0] = input.inputFlow[0]! + 0.125;
    expect(flowBalance(input).layerSum).toBeLessThanOrEqual(EXACT);
    expect(
      conservationError(input.inputFlow, input.nodeFlow, input.edgeFlow, input.relevance),
    ).toBeCloseTo(0.125, 6);
  });
});

describe('tiny net: exact identities (float32, tolerance 1e-6)', () => {
  it('completeness Σ_p D + B = h at every layer, both engines', async () => {
    const byPixel = await completenessByPixels(net, gates, [P11, P22]);
    for (const e of byPixel) expect(e).toBeLessThanOrEqual(EXACT);
    const windowed = await completenessError(net, gates);
    for (const e of windowed) expect(e).toBeLessThanOrEqual(EXACT);
  });

  it('matches the float64 reference and gradient × input', async () => {
    expect(await referenceDiffusionError(net, gates, [P11, P22])).toBeLessThanOrEqual(EXACT);
    expect(await sizeVsGradient(model, net, gates)).toBeLessThanOrEqual(EXACT);
  });

  it('the chains, enumerated exhaustively, sum to R for both classes', async () => {
    for (const c of [0, 1]) {
      const chains = await allChainFlows(net, gates, [P22], c);
      expect(chains.length).toBe(2 * 2 * 2);
      const total = chains.reduce((a, ch) => a + ch.flow, 0);
      const q = await queryPixels(net, gates, [P22], { classIndex: c, chains: false });
      expect(Math.abs(total - q.relevance)).toBeLessThanOrEqual(EXACT);
    }
  });

  it('a pixel set diffuses as the sum of its pixels (linearity)', async () => {
    const both = await queryPixels(net, gates, [P22, P11], { chains: false });
    const a = await queryPixels(net, gates, [P11], { chains: false });
    const b = await queryPixels(net, gates, [P22], { chains: false });
    expect(both.pixels).toEqual([P11, P22]);
    expect(both.relevance).toBeCloseTo(a.relevance + b.relevance, 6);
    both.diffusion.forEach((d, l) => {
      close(
        d,
        Array.from(d, (_v, i) => a.diffusion[l]![i]! + b.diffusion[l]![i]!),
      );
    });
  });

  it('a zero pixel has no diffusion, no sizes and no flow', async () => {
    const q = await queryPixels(net, gates, [0]);
    for (const d of q.diffusion) expect(d.every((v) => v === 0)).toBe(true);
    for (const s of q.sizes) expect(s.l1.every((v) => v === 0)).toBe(true);
    expect(q.relevance).toBe(0);
    expect(q.chains).toEqual([]);
    const prefix = await chainPrefixFlows(net, gates, [0], []);
    expect(prefix.every((v) => v === 0)).toBe(true);
  });

  it('rejects bad arguments', async () => {
    await expect(queryPixels(net, gates, [16])).rejects.toThrow(/outside/);
    await expect(queryPixels(net, gates, [])).rejects.toThrow(/at least one/);
    await expect(queryPixels(net, gates, [P11], { classIndex: 2 })).rejects.toThrow(/class/i);
    await expect(computeGates(net, new Float32Array(15))).rejects.toThrow(/expects/);
  });

  it('tensor count is flat over 500 calls of every entry point', async () => {
    const image = Float32Array.from(TINY_IMAGE);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) {
      image[P11] = 0.5 + (i % 7) * 0.01;
      const g = await computeGates(net, image);
      switch (i % 5) {
        case 0:
          await queryPixels(net, g, [P11, P22]);
          break;
        case 1:
          await imageStatistics(net, g, { completeness: true, engine: i % 2 ? 'host' : 'device' });
          await imageStatistics(net, g, { pixels: [P22], relative: 0.5 });
          break;
        case 2:
          await fullDiffusion(net, g, [P22]);
          await biasPathway(net, g);
          break;
        case 3:
          await chainPrefixFlows(net, g, [P22], [0]);
          await mapImportance(net, image, [0]);
          break;
        default:
          await queryPixels(net, g, [0]);
      }
      if (i === 0) expect(tf.memory().numTensors).toBe(before);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
