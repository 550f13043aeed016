// The Analyses area's population operations: map importance by ablation, category consistency and
// portion-hot codes (findings 1–3), and N_total of original / deformed / target images (finding 5),
// on a small labelled sample sent from the page (the gallery). Long: they report progress and stop
// at the next image or ablation once the request is superseded or cancelled.
import {
  analyseImage,
  categoryConsistency,
  deriveSeed,
  featureMapImportance,
  groupSeparation,
  imageAt,
  imageSize,
  mulberry32,
  nearestCentroidAccuracy,
  profileImages,
  projectCodes,
  randomInt,
  subset,
  targetedAttack,
  yieldAndCheck,
  type ImageSet,
  type PathwayProfile,
  type RunControl,
} from '../analysis';
import {
  countPathways,
  DEFAULT_TOP_M,
  nonZeroPixels,
  portionHotCode,
  type Network,
} from '../pathways';
import type { AnalysisOperations, LabelledImages } from './analysis-protocol';
import { requireNetwork, type EngineState } from './engine-state';
import type { Handler, HandlerContext } from './handler-types';

type SetOps = Pick<
  AnalysisOperations,
  'analysisImportance' | 'analysisSampleSet' | 'analysisGroups'
>;
type SetHandlers = { [K in keyof SetOps]: Handler<K> };

/** RunControl reporting to the worker's progress channel, `from`–`to` of the whole run. */
export function runControl(ctx: HandlerContext, label: string, from = 0, to = 1): RunControl {
  return {
    signal: ctx.signal,
    onProgress: (done, total) =>
      ctx.progress(from + (to - from) * (total > 0 ? done / total : 1), label),
  };
}

function toSet(net: Network, s: LabelledImages): ImageSet {
  const n = net.input.height * net.input.width * net.input.channels;
  if (s.count < 1 || s.images.length !== s.count * n || s.labels.length !== s.count)
    throw new Error(`Expected ${s.count} images of ${n} values with one label each.`);
  return { input: { ...net.input }, images: s.images, labels: s.labels, count: s.count };
}

/** Every other image of each class builds the centroids, the rest are classified. */
export function alternateSplit(labels: ArrayLike<number>): Uint8Array {
  const seen = new Map<number, number>();
  return Uint8Array.from({ length: labels.length }, (_, i) => {
    const y = labels[i]!;
    const k = seen.get(y) ?? 0;
    seen.set(y, k + 1);
    return k % 2 === 0 ? 1 : 0;
  });
}

// Targeted I-FGSM as in the reproduction report (ε = 0.3, α = 0.01, 60 steps).
const DEFORM = { epsilon: 0.3, stepSize: 0.01, steps: 60 };

export function createSetHandlers(state: EngineState): SetHandlers {
  return {
    async analysisImportance({ set, source }, ctx) {
      const net = requireNetwork(state);
      return featureMapImportance(net, toSet(net, set), {
        ...runControl(ctx, 'Zeroing one map at a time'),
        source,
      });
    },

    async analysisSampleSet({ set: raw, topM }, ctx) {
      const net = requireNetwork(state);
      const set = toSet(net, raw);
      const profiles = await profileImages(net, set, {
        ...runControl(ctx, 'Pathways of every sample'),
        statistics: { topM: topM ?? DEFAULT_TOP_M },
      });
      const layers = net.layers.map((l) => ({ ...l.info }));
      const trainMask = alternateSplit(set.labels);
      const pick = (train: boolean, code: (p: PathwayProfile) => Float32Array) => {
        const idx = profiles.flatMap((_, i) => ((trainMask[i] === 1) === train ? [i] : []));
        return {
          codes: idx.map((i) => code(profiles[i]!)),
          labels: idx.map((i) => set.labels[i]!),
        };
      };
      const K = net.classCount;
      const all = (p: PathwayProfile) => portionHotCode(p);
      const train = pick(true, all);
      const projection = projectCodes(train.codes, {
        codes: profiles.map(all),
        labels: set.labels,
      });
      return {
        count: set.count,
        layers,
        consistency: categoryConsistency(profiles, layers, { vector: 'sizes', centre: true }),
        portionHot: nearestCentroidAccuracy(train, pick(false, all), K),
        perLayer: layers.map((info) => {
          const code = (p: PathwayProfile) => portionHotCode(p, [info.index]);
          const r = nearestCentroidAccuracy(pick(true, code), pick(false, code), K);
          return { layer: info.index, name: info.name, accuracy: r.accuracy };
        }),
        points: projection.points.map((p) => [p[0] ?? 0, p[1] ?? 0] as [number, number]),
        labels: projection.labels,
        explained: projection.pca.explained,
        trainMask,
      };
    },

    async analysisGroups({ set: raw, seed }, ctx) {
      const net = requireNetwork(state);
      const set = toSet(net, raw);
      const K = net.classCount;
      const profiles = await profileImages(
        net,
        set,
        runControl(ctx, 'Pathways of the originals', 0, 0.3),
      );
      const correct = profiles.flatMap((p, i) => (p.prediction === p.label ? [i] : []));
      if (correct.length === 0) throw new Error('No sample is classified correctly.');
      const random = mulberry32(deriveSeed(seed, 3));
      const targets = correct.map((i) => (set.labels[i]! + 1 + randomInt(random, K - 1)) % K);
      const attack = await targetedAttack(net, subset(set, correct), targets, {
        ...runControl(ctx, 'Attacking (targeted I-FGSM)', 0.3, 0.5),
        ...DEFORM,
      });
      const byClass = Array.from({ length: K }, (_, c) =>
        correct.filter((i) => set.labels[i] === c),
      );
      const original: number[] = [];
      const deformed: number[] = [];
      const deformedInk: number[] = [];
      const target: number[] = [];
      const done = runControl(ctx, 'Pathways of the attacked images', 0.5, 1);
      for (const [j, i] of correct.entries()) {
        await yieldAndCheck(ctx.signal);
        const pool = byClass[targets[j]!]!;
        if (attack.success[j] === 1 && pool.length > 0) {
          const n = imageSize(set.input);
          const a = await analyseImage(net, attack.images.subarray(j * n, (j + 1) * n), 0);
          original.push(profiles[i]!.total);
          deformed.push(a.stats.total);
          deformedInk.push(
            countPathways(a.stats, {
              pixels: nonZeroPixels({ image: imageAt(set, i), input: set.input }),
            }).total,
          );
          target.push(profiles[pool[randomInt(random, pool.length)]!]!.total);
        }
        done.onProgress?.(j + 1, correct.length);
      }
      const groups = (deformedValues: number[]) =>
        groupSeparation([
          { name: 'original', values: original },
          { name: 'deformed', values: deformedValues },
          { name: 'target', values: target },
        ]);
      return {
        attempted: correct.length,
        succeeded: deformed.length,
        all: groups(deformed),
        inkOnly: groups(deformedInk),
      };
    },
  };
}
