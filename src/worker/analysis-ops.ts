// The Analyses area's per-image operations (overlap + causal test, attacks, occlusion, movement)
// over src/analysis, plus the population ones from analysis-set-ops.ts. Thin wrappers: they pick
// the class to read, turn the worker's AbortSignal and progress into RunControl, and trim results
// to plain data. The algorithms live in src/analysis only.
import {
  analyseImage,
  fgsm,
  importantMaps,
  movementAnalysis,
  occlusionAnalysis,
  OverlapAccumulator,
  parseImportance,
  pathwayAblationTest,
  pathwayMapRanking,
  profileFromStatistics,
  shiftImage,
  targetedAttack,
  correlation,
  type ImageSet,
  type PathwayProfile,
} from '../analysis';
import {
  computeGates,
  DEFAULT_TOP_M,
  fullDiffusion,
  imageStatistics,
  nonZeroPixels,
  type ImageStatistics,
  type Network,
} from '../pathways';
import type {
  AnalysisOperations,
  AttackImageSummary,
  MovementViewResult,
} from './analysis-protocol';
import { createSetHandlers, runControl } from './analysis-set-ops';
import { requireNetwork, type EngineState } from './engine-state';
import type { Handler } from './handler-types';

type AnalysisHandlers = { [K in keyof AnalysisOperations]: Handler<K> };

/** Targeted I-FGSM settings (as in the reproduction report): small steps, stop on success. */
const TARGETED_STEP = 0.01;
const TARGETED_STEPS = 60;

function oneImage(net: Network, image: Float32Array, label: number): ImageSet {
  return { input: { ...net.input }, images: image, labels: Int32Array.of(label), count: 1 };
}

function summary(stats: ImageStatistics, profile: PathwayProfile): AttackImageSummary {
  return {
    prediction: stats.prediction,
    probabilities: Float32Array.from(stats.probabilities),
    total: stats.total,
    pixels: stats.pixels.length,
    sizes: profile.sizes,
  };
}

/** Channel-summed total diffusion of the conv and pool layers (what "the map moves" shows). */
async function summedDiffusion(net: Network, image: Float32Array): Promise<Float32Array[]> {
  const gates = await computeGates(net, image);
  const maps = await fullDiffusion(net, gates, nonZeroPixels(gates));
  return net.layers.map((l, i) => {
    const { height: H, width: W, channels: C } = l.info;
    const out = new Float32Array(H * W);
    const d = maps[i]!;
    for (let p = 0; p < H * W; p++) for (let k = 0; k < C; k++) out[p] = out[p]! + d[p * C + k]!;
    return out;
  });
}

export function createAnalysisHandlers(state: EngineState): AnalysisHandlers {
  /** The network and the class to read: the given label, else the image's prediction. */
  const prepare = async (image: Float32Array, label: number | null) => {
    const net = requireNetwork(state);
    const gates = await computeGates(net, image);
    return { net, gates, label: label ?? gates.prediction };
  };

  return {
    ...createSetHandlers(state),

    async analysisOverlap({ image, label, topM, importance }, ctx) {
      const { net, gates, label: y } = await prepare(image, label);
      const checked = parseImportance(importance, net);
      const m = topM ?? DEFAULT_TOP_M;
      const stats = await imageStatistics(net, gates, { topM: m });
      const profile = profileFromStatistics(stats, y);
      const acc = new OverlapAccumulator(checked);
      acc.add(stats);
      const layers = acc.result(m).map((o) => ({
        layer: o.layer,
        name: o.name,
        channels: o.channels,
        m: o.m,
        overlap: o.overlap,
        chance: o.chance,
        imageTop: pathwayMapRanking(profile, o.layer).slice(0, o.m),
        important: importantMaps(checked, o.layer, o.m) ?? [],
      }));
      // Eight random draws per layer: one image gives a noisy random arm otherwise.
      const ablation = await pathwayAblationTest(net, oneImage(net, image, y), [profile], checked, {
        ...runControl(ctx, 'Zeroing maps'),
        counts: [m],
        repeats: 8,
      });
      return {
        label: y,
        prediction: gates.prediction,
        pixels: stats.pixels.length,
        layers,
        ablation,
      };
    },

    async analysisAttack(params, ctx) {
      const { image, mode, epsilon, target, naturals } = params;
      const { net, label: y } = await prepare(image, params.label);
      const K = net.classCount;
      const set = oneImage(net, image, y);
      let attacked: Float32Array;
      let steps = 1;
      if (mode === 'fgsm') {
        attacked = await fgsm(net, set, epsilon, runControl(ctx, 'FGSM'));
      } else {
        if (!Number.isInteger(target) || target < 0 || target >= K)
          throw new Error(`There is no class ${target}.`);
        const r = await targetedAttack(net, set, [target], {
          ...runControl(ctx, 'Targeted attack'),
          epsilon,
          stepSize: TARGETED_STEP,
          steps: TARGETED_STEPS,
        });
        attacked = r.images;
        steps = r.stepsUsed[0] ?? 0;
      }
      const statistics = { topM: params.topM ?? DEFAULT_TOP_M };
      const o = await analyseImage(net, image, y, statistics);
      const a = await analyseImage(net, attacked, y, statistics);
      const naturalClass = mode === 'targeted' ? target : a.stats.prediction;
      const n = image.length;
      if (naturals.length !== K * n) throw new Error('One natural image per class is required.');
      const naturalImage = naturals.subarray(naturalClass * n, (naturalClass + 1) * n);
      const t = await analyseImage(net, naturalImage, naturalClass, statistics);
      let linf = 0;
      for (let i = 0; i < n; i++) linf = Math.max(linf, Math.abs(attacked[i]! - image[i]!));
      return {
        mode,
        epsilon,
        label: y,
        naturalClass,
        attacked,
        linf,
        steps,
        original: summary(o.stats, o.profile),
        attackedSummary: summary(a.stats, a.profile),
        natural: summary(t.stats, t.profile),
        layers: o.stats.layers.map((info, l) => ({
          layer: l,
          name: info.name,
          attackedVsOriginal: correlation(a.profile.sizes[l]!, o.profile.sizes[l]!),
          attackedVsNatural: correlation(a.profile.sizes[l]!, t.profile.sizes[l]!),
          originalVsNatural: correlation(o.profile.sizes[l]!, t.profile.sizes[l]!),
        })),
      };
    },

    async analysisOcclusion({ image, label, patch, topM }) {
      const { net, label: y } = await prepare(image, label);
      return occlusionAnalysis(net, image, y, patch, {
        statistics: { topM: topM ?? DEFAULT_TOP_M },
      });
    },

    async analysisMovement({ image, label, dx, dy, topM }): Promise<MovementViewResult> {
      const { net, label: y } = await prepare(image, label);
      const statistics = { topM: topM ?? DEFAULT_TOP_M };
      const result = await movementAnalysis(net, image, y, dx, dy, { statistics });
      const before = await summedDiffusion(net, image);
      const after = await summedDiffusion(net, shiftImage(image, net.input, dx, dy).image);
      const maps = net.layers.flatMap((l, i) =>
        l.info.kind === 'conv' || l.info.kind === 'pool'
          ? [
              {
                layer: i,
                name: l.info.name,
                height: l.info.height,
                width: l.info.width,
                before: before[i]!,
                after: after[i]!,
              },
            ]
          : [],
      );
      return { ...result, maps };
    },
  };
}
