// Finding 1 (docs/analyses.md): do a pixel's largest pathways cross the maps that matter for
// classification? Two measures: (a) overlap of each pixel's top-m maps with the top-m maps by
// ablation importance, against the chance level m/C_l; (b) a causal test: zero, per image, the
// maps its largest pathways hit, and compare the accuracy drop with zeroing as many random maps.
import * as tf from '@tensorflow/tfjs-core';
import {
  batchTensor,
  runLayers,
  scoreLogits,
  type ImageStatistics,
  type Network,
} from '../pathways';
import { progress, yieldAndCheck, type RunControl } from './control';
import type { ImageSet } from './images';
import type { ImportanceResult } from './importance';
import { deriveSeed, mulberry32, sampleWithoutReplacement } from './prng';
import { pathwayMapRanking, type PathwayProfile } from './profile';
import { mean, standardError } from './statistics';

export interface LayerOverlap {
  layer: number;
  name: string;
  channels: number;
  m: number;
  /** Mean over images of the mean over pixels of |top-m(pixel) ∩ top-m(important)| / m. */
  overlap: number;
  /** Standard error of that mean over images. */
  standardError: number;
  /** Expected overlap of a random m-subset: m / C_l. */
  chance: number;
  images: number;
}

/** |a ∩ b| for small index lists. */
function intersection(a: ArrayLike<number>, aFrom: number, m: number, b: Set<number>): number {
  let n = 0;
  for (let r = 0; r < m; r++) if (b.has(a[aFrom + r]!)) n++;
  return n;
}

/** Collects per-image overlaps from the engine's statistics (feed it from profileImages' onImage). */
export class OverlapAccumulator {
  private readonly perImage = new Map<number, number[]>();

  constructor(private readonly importance: ImportanceResult) {
    for (const e of importance.layers) this.perImage.set(e.layer, []);
  }

  add(stats: ImageStatistics): void {
    const P = stats.pixels.length;
    if (P === 0) return;
    for (const e of this.importance.layers) {
      const m = Math.min(stats.topM, e.channels);
      const important = new Set(e.ranking.slice(0, m));
      const top = stats.topMaps[e.layer]!;
      let sum = 0;
      for (let i = 0; i < P; i++) sum += intersection(top, i * m, m, important) / m;
      this.perImage.get(e.layer)!.push(sum / P);
    }
  }

  result(topM: number): LayerOverlap[] {
    return this.importance.layers.map((e) => {
      const values = this.perImage.get(e.layer)!;
      const m = Math.min(topM, e.channels);
      return {
        layer: e.layer,
        name: e.name,
        channels: e.channels,
        m,
        overlap: mean(values),
        standardError: standardError(values),
        chance: m / e.channels,
        images: values.length,
      };
    });
  }
}

export interface AblationArm {
  /** Accuracy with the arm's maps zeroed (fraction of images). */
  accuracy: number;
  /** Mean true-class probability with the arm's maps zeroed. */
  probability: number;
}

export interface LayerAblationTest {
  layer: number;
  name: string;
  channels: number;
  /** Maps zeroed per image. */
  k: number;
  baseline: AblationArm;
  /** Each image's own k maps most hit by its largest pathways (pathwayMapRanking). */
  pathway: AblationArm;
  /** k maps drawn uniformly at random per image; mean over `repeats` draws. */
  random: AblationArm;
  /** The k most important maps by ablation (same for every image), for reference. */
  important: AblationArm;
  repeats: number;
  images: number;
}

export interface AblationTestOptions extends RunControl {
  /** Numbers of maps to zero (default [1, 3]; values ≥ C_l are skipped). */
  counts?: number[];
  /** Random draws per image (default 3). */
  repeats?: number;
  seed?: number;
  batchSize?: number;
}

/**
 * The causal test of finding 1. profiles[i] must describe set image i (same order); layers are
 * those of the importance result.
 */
export async function pathwayAblationTest(
  net: Network,
  set: ImageSet,
  profiles: PathwayProfile[],
  importance: ImportanceResult,
  options: AblationTestOptions = {},
): Promise<LayerAblationTest[]> {
  if (profiles.length !== set.count) throw new Error('One profile per image is required.');
  const counts = options.counts ?? [1, 3];
  const repeats = Math.max(1, options.repeats ?? 3);
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const last = net.layers.length - 1;
  const N = set.count;
  const plan = importance.layers.flatMap((e) =>
    counts.filter((k) => k >= 1 && k < e.channels).map((k) => ({ e, k })),
  );
  const arms = 3 + repeats; // baseline, pathway, important, random × repeats
  const tick = progress(options, Math.ceil(N / batchSize) * plan.length * arms);
  const sums = plan.map(() => Array.from({ length: arms }, () => ({ correct: 0, prob: 0 })));
  for (let start = 0; start < N; start += batchSize) {
    const b = Math.min(batchSize, N - start);
    const x = batchTensor(net, set.images, start, b);
    try {
      for (const [pi, { e, k }] of plan.entries()) {
        const C = e.channels;
        const h = tf.tidy(() => runLayers(net, x, 0, e.layer));
        try {
          for (let arm = 0; arm < arms; arm++) {
            await yieldAndCheck(options.signal);
            const masks = new Float32Array(b * C).fill(1);
            for (let i = 0; i < b; i++) {
              const zero = zeroedMaps(
                arm,
                e.ranking,
                profiles[start + i]!,
                e.layer,
                k,
                C,
                options.seed ?? 1,
                start + i,
              );
              for (const z of zero) masks[i * C + z] = 0;
            }
            const logits = tf.tidy(() => {
              const m = tf.tensor2d(masks, [b, C]);
              const ablated = tf.mul(h, h.rank === 2 ? m : tf.reshape(m, [b, 1, 1, C]));
              return (
                e.layer === last ? ablated : runLayers(net, ablated, e.layer + 1, last)
              ) as tf.Tensor2D;
            });
            const r = await scoreLogits(logits, set.labels, start);
            logits.dispose();
            const acc = sums[pi]![arm]!;
            for (let i = 0; i < b; i++) {
              acc.correct += r.correct[i]!;
              acc.prob += r.trueProbability[i]!;
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
  return plan.map(({ e, k }, pi) => {
    const s = sums[pi]!;
    const arm = (a: number): AblationArm => ({
      accuracy: s[a]!.correct / N,
      probability: s[a]!.prob / N,
    });
    let randomCorrect = 0;
    let randomProb = 0;
    for (let r = 0; r < repeats; r++) {
      randomCorrect += s[3 + r]!.correct;
      randomProb += s[3 + r]!.prob;
    }
    return {
      layer: e.layer,
      name: e.name,
      channels: e.channels,
      k,
      baseline: arm(0),
      pathway: arm(1),
      important: arm(2),
      random: { accuracy: randomCorrect / (N * repeats), probability: randomProb / (N * repeats) },
      repeats,
      images: N,
    };
  });
}

/** Arm 0: none; 1: the image's pathway maps; 2: globally important maps; 3+: random draw. */
function zeroedMaps(
  arm: number,
  ranking: number[],
  profile: PathwayProfile,
  layer: number,
  k: number,
  C: number,
  seed: number,
  image: number,
): number[] {
  if (arm === 0) return [];
  if (arm === 1) return pathwayMapRanking(profile, layer).slice(0, k);
  if (arm === 2) return ranking.slice(0, k);
  // One stream per (image, layer, k, repeat): the controls do not depend on batch size or order.
  const random = mulberry32(deriveSeed(seed, ((image * 64 + layer) * 64 + k) * 16 + arm));
  return sampleWithoutReplacement(random, C, k);
}
