// Runs every analysis of the report on one model in a fixed, seeded order and returns plain data
// (the markdown and the figures are built from it). Pure: images come in as ImageSets, progress
// goes out through callbacks, so the same run could be driven from the browser.
import type { Network, PathwayLayerInfo, StatisticsOptions } from '../../pathways';
import {
  compareAttackPathways,
  type AttackComparison,
  type PathwayTriple,
} from '../attack-pathways';
import { fgsm, targetedAttack } from '../attacks';
import { categoryConsistency, type LayerConsistency } from '../consistency';
import { yieldAndCheck, type RunControl } from '../control';
import { predictImages } from '../forward';
import { groupSeparation, type GroupSeparation } from '../groups';
import { imageAt, imageSize, inkPixels, subset, type ImageSet } from '../images';
import { featureMapImportance, type ImportanceResult } from '../importance';
import { movementAnalysis, type MovementResult } from '../movement';
import {
  occlusionAnalysis,
  patchOnInk,
  summariseOcclusion,
  type OcclusionSummary,
} from '../occlusion';
import {
  OverlapAccumulator,
  pathwayAblationTest,
  type LayerAblationTest,
  type LayerOverlap,
} from '../overlap';
import {
  nearestCentroidAccuracy,
  portionHotVector,
  projectCodes,
  type NearestCentroidResult,
  type Projection,
} from '../portion-hot';
import { deriveSeed, mulberry32, randomInt } from '../prng';
import { analyseImage, countPathways, meanProfile, profileImages } from '../profile';
import type { ReproductionConfig } from './config';

export interface StageTiming {
  stage: string;
  seconds: number;
}

export interface AttackRun {
  kind: 'fgsm' | 'targeted';
  /** Images attacked (correctly classified originals). */
  attempted: number;
  succeeded: number;
  meanLinf: number;
  comparison: AttackComparison;
  /** The same comparison against the mean profile of the target class (natural images). */
  comparisonClassMean: AttackComparison;
}

export interface ReproductionResult {
  config: ReproductionConfig;
  layers: PathwayLayerInfo[];
  backend: string;
  sampleAccuracy: number;
  importance: ImportanceResult;
  overlap: LayerOverlap[];
  ablation: LayerAblationTest[];
  consistency: { raw: LayerConsistency[]; centred: LayerConsistency[]; counts: LayerConsistency[] };
  portionHot: {
    all: NearestCentroidResult;
    perLayer: Array<{ layer: number; name: string; result: NearestCentroidResult }>;
    pixels: NearestCentroidResult;
    projection: Projection;
  };
  fgsmSweep: Array<{ epsilon: number; successRate: number; attempted: number }>;
  attacks: AttackRun[];
  groups: {
    /** N_total with τ, all pixels. */
    total: GroupSeparation;
    /** The deformed images counted on the original's non-zero pixels only. */
    inkOnly: GroupSeparation;
    /** N_total with the relative threshold. */
    relative: GroupSeparation;
  };
  occlusion: OcclusionSummary;
  movement: MovementResult[];
  /** Mean N_total and analysed pixels of the held-out sample. */
  sampleTotals: { meanTotal: number; meanPixels: number };
  timings: StageTiming[];
}

export interface PipelineHooks {
  /** A stage starts (name, and how many units its progress counts). */
  onStage?: (stage: string) => void;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  backend?: string;
}

/**
 * `test`: the held-out analysis sample; `importanceSet`: further held-out images (disjoint from
 * `test`) for the ablation importance, so that ranking maps and testing the ranking do not share
 * images; `train`: training images for the portion-hot centroids.
 */
export async function runReproduction(
  net: Network,
  sets: { test: ImageSet; importance: ImageSet; train: ImageSet },
  config: ReproductionConfig,
  hooks: PipelineHooks = {},
): Promise<ReproductionResult> {
  const { test, train } = sets;
  const timings: StageTiming[] = [];
  const control: RunControl = {};
  if (hooks.onProgress) control.onProgress = hooks.onProgress;
  if (hooks.signal) control.signal = hooks.signal;
  const stage = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    hooks.onStage?.(name);
    const t0 = performance.now();
    const value = await run();
    timings.push({ stage: name, seconds: (performance.now() - t0) / 1000 });
    return value;
  };
  const layers: PathwayLayerInfo[] = net.layers.map((l) => ({ ...l.info }));
  const statistics: StatisticsOptions = {
    measure: config.measure,
    threshold: config.threshold,
    topM: config.topM,
  };
  const K = net.classCount;

  const predictions = await stage('accuracy', () => predictImages(net, test.images, test.count));
  const correct = Array.from(predictions.predictions, (p, i) => p === test.labels[i]);
  const sampleAccuracy = correct.filter(Boolean).length / test.count;

  const importance = await stage('importance (ablation)', () =>
    featureMapImportance(net, sets.importance, {
      ...control,
      source: `${config.dataset} test split, seeded sample of ${sets.importance.count} (seed ${config.seed})`,
    }),
  );

  const overlapAcc = new OverlapAccumulator(importance);
  const profiles = await stage('pathway statistics (held-out)', () =>
    profileImages(net, test, { ...control, statistics, onImage: (_i, s) => overlapAcc.add(s) }),
  );
  const overlap = overlapAcc.result(config.topM);

  const ablation = await stage('causal test (ablation)', () =>
    pathwayAblationTest(net, test, profiles, importance, {
      ...control,
      seed: deriveSeed(config.seed, 1),
      repeats: config.randomRepeats,
      counts: [1, config.topM],
    }),
  );

  const consistency = await stage('category consistency', async () => ({
    raw: categoryConsistency(profiles, layers, { vector: 'sizes' }),
    centred: categoryConsistency(profiles, layers, { vector: 'sizes', centre: true }),
    counts: categoryConsistency(profiles, layers, { vector: 'counts', centre: true }),
  }));

  const trainProfiles = await stage('pathway statistics (training sample)', () =>
    profileImages(net, train, { ...control, statistics }),
  );
  const portionHot = await stage('portion-hot codes', async () => {
    const trainCodes = trainProfiles.map((p) => portionHotVector(p));
    const testCodes = profiles.map((p) => portionHotVector(p));
    const tr = { codes: trainCodes, labels: train.labels };
    const te = { codes: testCodes, labels: test.labels };
    const n = imageSize(test.input);
    const pixelRows = (s: ImageSet) =>
      Array.from({ length: s.count }, (_, i) => s.images.subarray(i * n, (i + 1) * n));
    return {
      all: nearestCentroidAccuracy(tr, te, K),
      perLayer: layers.map((info) => ({
        layer: info.index,
        name: info.name,
        result: nearestCentroidAccuracy(
          {
            codes: trainProfiles.map((p) => portionHotVector(p, [info.index])),
            labels: train.labels,
          },
          { codes: profiles.map((p) => portionHotVector(p, [info.index])), labels: test.labels },
          K,
        ),
      })),
      pixels: nearestCentroidAccuracy(
        { codes: pixelRows(train), labels: train.labels },
        { codes: pixelRows(test), labels: test.labels },
        K,
      ),
      projection: projectCodes(trainCodes, te, deriveSeed(config.seed, 2)),
    };
  });

  // Attacks: originals are correctly classified sample images; each gets a natural image of its
  // target class (a correctly classified sample image, seeded choice) for comparison.
  const correctIdx = correct.flatMap((ok, i) => (ok ? [i] : []));
  const byClass = Array.from({ length: K }, (_, c) =>
    correctIdx.filter((i) => test.labels[i] === c),
  );
  const classMeans = byClass.map((idx, c) =>
    idx.length > 0
      ? meanProfile(
          idx.map((i) => profiles[i]!),
          c,
        )
      : null,
  );
  const fgsmSweep = await stage('FGSM sweep', async () => {
    const set = subset(test, correctIdx);
    const out: ReproductionResult['fgsmSweep'] = [];
    for (const epsilon of config.fgsmEpsilons) {
      const adv = await fgsm(net, set, epsilon, control);
      const p = await predictImages(net, adv, set.count);
      const fooled = Array.from(p.predictions).filter((q, i) => q !== set.labels[i]).length;
      out.push({ epsilon, successRate: fooled / set.count, attempted: set.count });
    }
    return out;
  });

  const random = mulberry32(deriveSeed(config.seed, 3));
  const advIdx = correctIdx.slice(0, Math.min(config.nAdv, correctIdx.length));
  const advSet = subset(test, advIdx);
  const targets = Int32Array.from(advIdx, (i) => {
    const y = test.labels[i]!;
    return (y + 1 + randomInt(random, K - 1)) % K;
  });
  const naturalFor = (cls: number): number | null => {
    const pool = byClass[cls]!;
    return pool.length > 0 ? pool[randomInt(random, pool.length)]! : null;
  };
  const attacks: AttackRun[] = [];
  const deformedInk: number[] = [];
  const deformedRelative: number[] = [];
  const originalRelative: number[] = [];
  const targetRelative: number[] = [];
  let targetedTriples: PathwayTriple[] = [];
  for (const kind of ['targeted', 'fgsm'] as const) {
    await stage(`${kind} attack + pathways`, async () => {
      let images: Float32Array;
      let produced: Int32Array;
      let linf: number[];
      if (kind === 'targeted') {
        const r = await targetedAttack(net, advSet, targets, { ...control, ...config.targeted });
        images = r.images;
        produced = Int32Array.from(r.success, (s, i) => (s ? targets[i]! : -1));
        linf = Array.from(r.linf);
      } else {
        images = await fgsm(net, advSet, config.fgsmEpsilon, control);
        const p = await predictImages(net, images, advSet.count);
        produced = Int32Array.from(p.predictions, (q, i) => (q !== advSet.labels[i] ? q : -1));
        linf = Array.from({ length: advSet.count }, () => config.fgsmEpsilon);
      }
      const attacked = { ...advSet, images };
      const triples: PathwayTriple[] = [];
      const classTriples: PathwayTriple[] = [];
      const ok = Array.from(produced.keys()).filter((i) => produced[i]! >= 0);
      for (const [done, i] of ok.entries()) {
        const cls = produced[i]!;
        const natural = naturalFor(cls);
        const mean = classMeans[cls];
        if (natural === null || !mean) continue;
        const a = await analyseImage(net, imageAt(attacked, i), advSet.labels[i]!, statistics);
        const original = profiles[advIdx[i]!]!;
        triples.push({ original, attacked: a.profile, target: profiles[natural]! });
        classTriples.push({ original, attacked: a.profile, target: mean });
        if (kind === 'targeted') {
          const ink = inkPixels(imageAt(test, advIdx[i]!), test.input);
          deformedInk.push(countPathways(a.stats, { pixels: ink }).total);
          deformedRelative.push(
            countPathways(a.stats, { relative: config.relativeThreshold }).total,
          );
          const o = await analyseImage(net, imageAt(test, advIdx[i]!), 0, statistics);
          originalRelative.push(
            countPathways(o.stats, { relative: config.relativeThreshold }).total,
          );
          const t = await analyseImage(net, imageAt(test, natural), 0, statistics);
          targetRelative.push(countPathways(t.stats, { relative: config.relativeThreshold }).total);
        }
        control.onProgress?.(done + 1, ok.length);
        await yieldAndCheck(control.signal);
      }
      if (kind === 'targeted') targetedTriples = triples;
      attacks.push({
        kind,
        attempted: advSet.count,
        succeeded: ok.length,
        meanLinf: linf.reduce((s, v) => s + v, 0) / Math.max(1, linf.length),
        comparison: compareAttackPathways(triples, layers),
        comparisonClassMean: compareAttackPathways(classTriples, layers),
      });
    });
  }
  const groups = {
    total: groupSeparation([
      { name: 'original', values: targetedTriples.map((t) => t.original.total) },
      { name: 'deformed', values: targetedTriples.map((t) => t.attacked.total) },
      { name: 'target', values: targetedTriples.map((t) => t.target.total) },
    ]),
    inkOnly: groupSeparation([
      { name: 'original', values: targetedTriples.map((t) => t.original.total) },
      { name: 'deformed', values: deformedInk },
      { name: 'target', values: targetedTriples.map((t) => t.target.total) },
    ]),
    relative: groupSeparation([
      { name: 'original', values: originalRelative },
      { name: 'deformed', values: deformedRelative },
      { name: 'target', values: targetRelative },
    ]),
  };

  const occlusion = await stage('occlusion', async () => {
    const r2 = mulberry32(deriveSeed(config.seed, 4));
    const results = [];
    const count = Math.min(config.nOcc, correctIdx.length);
    for (let j = 0; j < count; j++) {
      const i = correctIdx[j]!;
      const image = imageAt(test, i);
      const patch = patchOnInk(image, test.input, config.patchSize, r2);
      results.push(
        await occlusionAnalysis(net, image, test.labels[i]!, patch, {
          statistics,
          seed: deriveSeed(config.seed, 5 + j),
        }),
      );
      control.onProgress?.(j + 1, count);
      await yieldAndCheck(control.signal);
    }
    return summariseOcclusion(results);
  });

  const movement = await stage('movement', async () => {
    const out: MovementResult[] = [];
    const count = Math.min(config.nMove, correctIdx.length);
    for (let j = 0; j < count; j++) {
      const i = correctIdx[j]!;
      for (const [dx, dy] of config.shifts) {
        out.push(
          await movementAnalysis(net, imageAt(test, i), test.labels[i]!, dx, dy, { statistics }),
        );
      }
      control.onProgress?.(j + 1, count);
      await yieldAndCheck(control.signal);
    }
    return out;
  });

  return {
    config,
    layers,
    backend: hooks.backend ?? 'unknown',
    sampleAccuracy,
    importance,
    overlap,
    ablation,
    consistency,
    portionHot,
    fgsmSweep,
    attacks,
    groups,
    occlusion,
    movement,
    sampleTotals: {
      meanTotal: profiles.reduce((s, p) => s + p.total, 0) / Math.max(1, profiles.length),
      meanPixels: profiles.reduce((s, p) => s + p.pixelCount, 0) / Math.max(1, profiles.length),
    },
    timings,
  };
}
