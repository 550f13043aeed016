// Feature-map importance by ablation (docs/method.md, definition 9) as an analysis: the engine's
// mapImportance (src/pathways/importance.ts, the one implementation) with progress, cancellation
// and a choice of ranking, as plain JSON that the app caches per model
// (public/models/<id>/importance.json).
import { ablatableLayers, mapImportance, type Network, type PathwayLayerKind } from '../pathways';
import { progress, yieldAndCheck, type RunControl } from './control';
import { imageSize, type ImageSet } from './images';
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

export async function featureMapImportance(
  net: Network,
  set: ImageSet,
  options: ImportanceOptions = {},
): Promise<ImportanceResult> {
  const rankBy = options.rankBy ?? 'probability';
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const layers = options.layers ?? ablatableLayers(net);
  const N = set.count;
  if (N === 0) throw new Error('Importance needs at least one image.');
  const units = layers.reduce((s, l) => s + net.layers[l]!.info.channels, 0);
  // Progress units: each batch's intact pass and each of its ablated maps.
  const tick = progress(options, Math.ceil(N / batchSize) * (units + 1));
  const images = set.images.subarray(0, N * imageSize(set.input));
  const r = await mapImportance(net, images, set.labels.subarray(0, N), {
    layers,
    batchSize,
    onBaseline: () => tick(),
    onProgress: () => tick(),
    beforeMap: () => yieldAndCheck(options.signal),
  });
  const result: ImportanceResult = {
    version: 1,
    sampleSize: N,
    baselineAccuracy: r.baseAccuracy,
    baselineProbability: r.baseTrueProbability,
    rankBy,
    layers: layers.map((l, li) => {
      const info = net.layers[l]!.info;
      const accuracyDrop = r.accuracyDrop[li]!;
      const probabilityDrop = r.probabilityDrop[li]!;
      return {
        layer: l,
        name: info.name,
        kind: info.kind,
        channels: info.channels,
        accuracyDrop,
        probabilityDrop,
        ranking:
          rankBy === 'probability' ? rankDescending(probabilityDrop, accuracyDrop) : r.rank[li]!,
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
