// Finding 4b (docs/analyses.md): object completion. Occlude a patch of the object; does the network
// still recognise it, and do the visible pixels keep the pathways they had in the intact image?
// Measure per layer: mean overlap of each visible pixel's top-m maps in the occluded image with
// the same pixel's top-m maps in the intact image, against two baselines: chance m/C_l and the
// overlap with a random *other* pixel of the intact image (how generic top maps are anyway).
import {
  nonZeroPixels,
  type ImageStatistics,
  type Network,
  type PathwayLayerInfo,
  type StatisticsOptions,
} from '../pathways';
import { occludeImage, type Patch } from './images';
import { deriveSeed, mulberry32, randomInt } from './prng';
import { analyseImage } from './profile';
import { correlation, mean } from './statistics';

export interface LayerOcclusion {
  layer: number;
  name: string;
  m: number;
  /** Same pixel, occluded vs intact image. */
  overlap: number;
  /** Visible pixel in the occluded image vs a random other pixel of the intact image. */
  baseline: number;
  chance: number;
  /** Correlation of the image-level per-map sizes, occluded vs intact. */
  correlation: number;
}

export interface OcclusionResult {
  patch: Patch;
  label: number;
  intactPrediction: number;
  occludedPrediction: number;
  intactProbability: number;
  occludedProbability: number;
  /** Share of the intact image's non-zero pixels that the patch hides. */
  occludedInk: number;
  visiblePixels: number;
  layers: LayerOcclusion[];
}

/** A square patch centred on a random non-zero pixel, moved inside the image. */
export function patchOnInk(
  image: Float32Array,
  input: { height: number; width: number; channels: number },
  size: number,
  random: () => number,
): Patch {
  const ink = nonZeroPixels({ image, input });
  const centre =
    ink.length > 0 ? ink[randomInt(random, ink.length)]! : (input.height * input.width) >> 1;
  const r = Math.floor(centre / input.width);
  const c = centre % input.width;
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max - size, v));
  return {
    row: clamp(r - (size >> 1), input.height),
    col: clamp(c - (size >> 1), input.width),
    size,
  };
}

function rowOf(stats: ImageStatistics): Map<number, number> {
  const m = new Map<number, number>();
  stats.pixels.forEach((p, i) => m.set(p, i));
  return m;
}

function overlapOf(a: Int32Array, ai: number, b: Int32Array, bi: number, m: number): number {
  let n = 0;
  for (let r = 0; r < m; r++) {
    const k = a[ai * m + r]!;
    for (let q = 0; q < m; q++) if (b[bi * m + q] === k) n++;
  }
  return n / m;
}

export async function occlusionAnalysis(
  net: Network,
  image: Float32Array,
  label: number,
  patch: Patch,
  options: { statistics?: StatisticsOptions; seed?: number } = {},
): Promise<OcclusionResult> {
  const intact = await analyseImage(net, image, label, options.statistics);
  const occluded = await analyseImage(
    net,
    occludeImage(image, net.input, patch),
    label,
    options.statistics,
  );
  const a = intact.stats;
  const b = occluded.stats;
  const intactRows = rowOf(a);
  const random = mulberry32(deriveSeed(options.seed ?? 1, 7));
  const layers: LayerOcclusion[] = a.layers.map((info: PathwayLayerInfo, l) => {
    const m = Math.min(a.topM, info.channels);
    const same: number[] = [];
    const other: number[] = [];
    b.pixels.forEach((p, j) => {
      const i = intactRows.get(p);
      if (i === undefined) return;
      same.push(overlapOf(b.topMaps[l]!, j, a.topMaps[l]!, i, m));
      if (a.pixels.length > 1) {
        let q = randomInt(random, a.pixels.length - 1);
        if (q >= i) q++;
        other.push(overlapOf(b.topMaps[l]!, j, a.topMaps[l]!, q, m));
      }
    });
    return {
      layer: l,
      name: info.name,
      m,
      overlap: mean(same),
      baseline: mean(other),
      chance: m / info.channels,
      correlation: correlation(intact.profile.sizes[l]!, occluded.profile.sizes[l]!),
    };
  });
  return {
    patch,
    label,
    intactPrediction: a.prediction,
    occludedPrediction: b.prediction,
    intactProbability: a.probabilities[label]!,
    occludedProbability: b.probabilities[label]!,
    occludedInk: a.pixels.length > 0 ? 1 - b.pixels.length / a.pixels.length : 0,
    visiblePixels: b.pixels.length,
    layers,
  };
}

export interface OcclusionSummary {
  images: number;
  intactAccuracy: number;
  occludedAccuracy: number;
  meanOccludedInk: number;
  layers: Array<{
    layer: number;
    name: string;
    overlap: number;
    baseline: number;
    chance: number;
    correlation: number;
  }>;
}

export function summariseOcclusion(results: OcclusionResult[]): OcclusionSummary {
  const first = results[0];
  return {
    images: results.length,
    intactAccuracy: mean(results.map((r) => (r.intactPrediction === r.label ? 1 : 0))),
    occludedAccuracy: mean(results.map((r) => (r.occludedPrediction === r.label ? 1 : 0))),
    meanOccludedInk: mean(results.map((r) => r.occludedInk)),
    layers: (first?.layers ?? []).map((e, l) => ({
      layer: e.layer,
      name: e.name,
      overlap: mean(results.map((r) => r.layers[l]!.overlap).filter((v) => !Number.isNaN(v))),
      baseline: mean(results.map((r) => r.layers[l]!.baseline).filter((v) => !Number.isNaN(v))),
      chance: e.chance,
      correlation: mean(
        results.map((r) => r.layers[l]!.correlation).filter((v) => !Number.isNaN(v)),
      ),
    })),
  };
}
