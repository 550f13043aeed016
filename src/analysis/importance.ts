// Feature-map importance by ablation (pathways.md, definition 9): zero one whole channel of one
// layer (after its ReLU) and measure, on held-out images, the drop in accuracy and in the mean
// probability of the true class. Ranked per layer. The result is plain JSON so the app can cache
// it per model (public/models/<id>/importance.json).
import * as tf from '@tensorflow/tfjs-core';
import type { Network, PathwayLayerKind } from '../pathways';
import { progress, yieldAndCheck, type RunControl } from './control';
import { batchTensor, runLayers, scoreLogits } from './forward';
import type { ImageSet } from './images';
import { rankDescending } from './statistics';

export type ImportanceRank = 'probability' | 'accuracy';

export interface LayerImportance {
  /** Pathway layer index (engine order: 0 = first conv). */
  layer: number;
  name: string;
  kind: PathwayLayerKind;
  channels: number;
  /** accuracyDrop[k] = baseline accuracy − accuracy with map k zeroed (fraction of images). */
  accuracyDrop: number[];
  /** probabilityDrop[k] = mean true-class probability drop with map k zeroed. */
  probabilityDrop: number[];
  /** Map indices, most important first (by `rankBy`, ties broken by the other measure). */
  ranking: number[];
}

export interface ImportanceResult {
  version: 1;
  /** Held-out images used. */
  sampleSize: number;
  baselineAccuracy: number;
  baselineProbability: number;
  rankBy: ImportanceRank;
  /** One entry per conv, pool and dense layer (the logits layer is the output, not ablated). */
  layers: LayerImportance[];
  /** Free text saying where the images came from (e.g. "MNIST test, seeded sample of 1000"). */
  source?: string;
}

export interface ImportanceOptions extends RunControl {
  rankBy?: ImportanceRank;
  batchSize?: number;
  /** Pathway layer indices to ablate (default: every layer except the logits). */
  layers?: number[];
  source?: string;
}

/** Layers whose maps are ablated by default: all but the logits. */
export function ablatableLayers(net: Network): number[] {
  return net.layers.flatMap((l, i) => (l.kind === 'logits' ? [] : [i]));
}

export async function featureMapImportance(
  net: Network,
  set: ImageSet,
  options: ImportanceOptions = {},
): Promise<ImportanceResult> {
  const rankBy = options.rankBy ?? 'probability';
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const layers = options.layers ?? ablatableLayers(net);
  const last = net.layers.length - 1;
  const N = set.count;
  if (N === 0) throw new Error('Importance needs at least one image.');
  const units = layers.reduce((s, l) => s + net.layers[l]!.info.channels, 0);
  const batches = Math.ceil(N / batchSize);
  const tick = progress(options, batches * (units + 1));
  let baseCorrect = 0;
  let baseProb = 0;
  const correct = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  const prob = layers.map((l) => new Float64Array(net.layers[l]!.info.channels));
  for (let start = 0; start < N; start += batchSize) {
    const b = Math.min(batchSize, N - start);
    const x = batchTensor(net, set.images, start, b);
    try {
      const base = tf.tidy(() => runLayers(net, x, 0, last) as tf.Tensor2D);
      const s = await scoreLogits(base, set.labels, start);
      base.dispose();
      for (let i = 0; i < b; i++) {
        baseCorrect += s.correct[i]!;
        baseProb += s.trueProbability[i]!;
      }
      tick();
      for (const [li, l] of layers.entries()) {
        const C = net.layers[l]!.info.channels;
        // Layers before l are shared by every ablation of l: compute h_l once per batch.
        const h = tf.tidy(() => runLayers(net, x, 0, l));
        try {
          for (let k = 0; k < C; k++) {
            await yieldAndCheck(options.signal);
            const logits = tf.tidy(() => {
              const keep = new Float32Array(C).fill(1);
              keep[k] = 0;
              const ablated = tf.mul(h, tf.tensor1d(keep));
              return (l === last ? ablated : runLayers(net, ablated, l + 1, last)) as tf.Tensor2D;
            });
            const r = await scoreLogits(logits, set.labels, start);
            logits.dispose();
            for (let i = 0; i < b; i++) {
              correct[li]![k] = correct[li]![k]! + r.correct[i]!;
              prob[li]![k] = prob[li]![k]! + r.trueProbability[i]!;
            }
            tick();
          }
        } finally {
          h.dispose();
        }
      }
    } finally {
      x.dispose();
    }
  }
  const baselineAccuracy = baseCorrect / N;
  const baselineProbability = baseProb / N;
  const result: ImportanceResult = {
    version: 1,
    sampleSize: N,
    baselineAccuracy,
    baselineProbability,
    rankBy,
    layers: layers.map((l, li) => {
      const info = net.layers[l]!.info;
      const accuracyDrop = Array.from(correct[li]!, (c) => baselineAccuracy - c / N);
      const probabilityDrop = Array.from(prob[li]!, (p) => baselineProbability - p / N);
      const [primary, secondary] =
        rankBy === 'probability'
          ? [probabilityDrop, accuracyDrop]
          : [accuracyDrop, probabilityDrop];
      return {
        layer: l,
        name: info.name,
        kind: info.kind,
        channels: info.channels,
        accuracyDrop,
        probabilityDrop,
        ranking: rankDescending(primary, secondary),
      };
    }),
  };
  if (options.source !== undefined) result.source = options.source;
  return result;
}

/** The m most important maps of a pathway layer, or null when that layer was not ablated. */
export function importantMaps(result: ImportanceResult, layer: number, m: number): number[] | null {
  const entry = result.layers.find((e) => e.layer === layer);
  return entry ? entry.ranking.slice(0, Math.min(m, entry.channels)) : null;
}

/**
 * Validates a cached importance file (e.g. fetched JSON) against a network: same layer names and
 * map counts. Returns the typed result or throws with the first mismatch.
 */
export function parseImportance(json: unknown, net?: Network): ImportanceResult {
  const fail = (why: string): never => {
    throw new Error(`Invalid importance cache: ${why}.`);
  };
  if (typeof json !== 'object' || json === null) fail('not an object');
  const r = json as Partial<ImportanceResult>;
  if (r.version !== 1) fail(`unknown version ${String(r.version)}`);
  if (!Array.isArray(r.layers)) fail('no layers');
  if (typeof r.sampleSize !== 'number' || typeof r.baselineAccuracy !== 'number')
    fail('no baseline');
  for (const e of r.layers!) {
    const ok =
      Number.isInteger(e.layer) &&
      typeof e.name === 'string' &&
      Array.isArray(e.ranking) &&
      e.ranking.length === e.channels &&
      e.accuracyDrop.length === e.channels &&
      e.probabilityDrop.length === e.channels;
    if (!ok) fail(`layer entry ${String(e.name)} is malformed`);
    if (net) {
      const info = net.layers[e.layer]?.info;
      if (!info || info.name !== e.name || info.channels !== e.channels) {
        fail(`layer ${e.name} does not match the model`);
      }
    }
  }
  return r as ImportanceResult;
}
