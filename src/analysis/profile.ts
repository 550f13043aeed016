// Image-level pathway profiles: the per-map summaries of one image's pathways (docs/method.md,
// definitions 4, 7, 8) that the population analyses compare. Computing them needs the engine's per-pixel statistics;
// keeping only the summaries (≈ 3 × Σ C_l numbers per image) makes thousands of images cheap.
import {
  computeGates,
  imageStatistics,
  type Gates,
  type ImageStatistics,
  type Measure,
  type Network,
  type StatisticsOptions,
} from '../pathways';
import { progress, yieldAndCheck, type RunControl } from './control';
import { imageAt, type ImageSet } from './images';

export interface PathwayProfile {
  label: number;
  prediction: number;
  /** Analysed (non-zero) pixels. */
  pixelCount: number;
  measure: Measure;
  /** N_total (definition 7) with the statistics' threshold. */
  total: number;
  /** layerTotals[l] = Σ_k N_l[k]. */
  layerTotals: number[];
  /** sizes[l][k] = Σ_p s_l^p[k] in `measure`: the image-level pathway vector of layer l. */
  sizes: Float32Array[];
  /** counts[l][k] = N_l[k]. */
  counts: Float32Array[];
  /** portionHot[l][k] = share of pixels whose top-m maps include k (definition 8). */
  portionHot: Float32Array[];
}

export type ProfileVector = 'sizes' | 'counts' | 'portionHot';

export function profileFromStatistics(stats: ImageStatistics, label: number): PathwayProfile {
  const P = stats.pixels.length;
  const sizes = stats.sizes.map((s, l) => {
    const values = s[stats.measure];
    const C = stats.layers[l]!.channels;
    const out = new Float32Array(C);
    for (let i = 0; i < P; i++) for (let k = 0; k < C; k++) out[k] = out[k]! + values[i * C + k]!;
    return out;
  });
  return {
    label,
    prediction: stats.prediction,
    pixelCount: P,
    measure: stats.measure,
    total: stats.total,
    layerTotals: stats.counts.map((c) => c.reduce((a, b) => a + b, 0)),
    sizes,
    counts: stats.counts.map((c) => Float32Array.from(c)),
    portionHot: stats.portionHot.map((p) => Float32Array.from(p)),
  };
}

/** Gates, statistics and profile of one image. */
export async function analyseImage(
  net: Network,
  image: Float32Array,
  label: number,
  statistics: StatisticsOptions = {},
): Promise<{ gates: Gates; stats: ImageStatistics; profile: PathwayProfile }> {
  const gates = await computeGates(net, image);
  const stats = await imageStatistics(net, gates, statistics);
  return { gates, stats, profile: profileFromStatistics(stats, label) };
}

export interface ProfileOptions extends RunControl {
  statistics?: StatisticsOptions;
  /** Sees each image's full statistics before they are dropped (e.g. to accumulate overlaps). */
  onImage?: (index: number, stats: ImageStatistics, gates: Gates) => void;
}

/** Profiles of every image of the set, in order. */
export async function profileImages(
  net: Network,
  set: ImageSet,
  options: ProfileOptions = {},
): Promise<PathwayProfile[]> {
  const tick = progress(options, set.count);
  const out: PathwayProfile[] = [];
  for (let i = 0; i < set.count; i++) {
    await yieldAndCheck(options.signal);
    const { gates, stats, profile } = await analyseImage(
      net,
      imageAt(set, i),
      set.labels[i]!,
      options.statistics,
    );
    options.onImage?.(i, stats, gates);
    out.push(profile);
    tick();
  }
  return out;
}

/** Maps of layer l ranked by how many pixels' largest pathways hit them (ties: larger size). */
export function pathwayMapRanking(profile: PathwayProfile, layer: number): number[] {
  const share = profile.portionHot[layer]!;
  const sizes = profile.sizes[layer]!;
  return Array.from({ length: share.length }, (_, i) => i).sort(
    (i, j) => share[j]! - share[i]! || sizes[j]! - sizes[i]! || i - j,
  );
}

/** The element-wise mean of several profiles (e.g. a class's typical pathways). */
export function meanProfile(
  profiles: PathwayProfile[],
  label = profiles[0]?.label ?? -1,
): PathwayProfile {
  const first = profiles[0];
  if (!first) throw new Error('meanProfile needs at least one profile.');
  const n = profiles.length;
  const avg = (pick: (p: PathwayProfile) => Float32Array[]): Float32Array[] =>
    pick(first).map((_, l) => {
      const out = new Float32Array(pick(first)[l]!.length);
      for (const p of profiles) {
        const v = pick(p)[l]!;
        for (let k = 0; k < out.length; k++) out[k] = out[k]! + v[k]! / n;
      }
      return out;
    });
  return {
    label,
    prediction: label,
    pixelCount: profiles.reduce((s, p) => s + p.pixelCount, 0) / n,
    measure: first.measure,
    total: profiles.reduce((s, p) => s + p.total, 0) / n,
    layerTotals: first.layerTotals.map(
      (_, l) => profiles.reduce((s, p) => s + p.layerTotals[l]!, 0) / n,
    ),
    sizes: avg((p) => p.sizes),
    counts: avg((p) => p.counts),
    portionHot: avg((p) => p.portionHot),
  };
}
