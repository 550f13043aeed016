// Runs every analysis of the report on one model in a fixed, seeded order and returns plain data
// (the markdown and the figures are built from it). Pure: images come in as ImageSets, progress
// goes out through callbacks, so the same run could be driven from the browser.
import {
  portionHotCode,
  predictImages,
  type InputInfo,
  type Network,
  type PathwayLayerInfo,
  type StatisticsOptions,
} from '../../pathways';
import { categoryConsistency, type LayerConsistency } from '../consistency';
import { yieldAndCheck, type RunControl } from '../control';
import { imageAt, imageSize, type ImageSet } from '../images';
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
  projectCodes,
  type NearestCentroidResult,
  type Projection,
} from '../portion-hot';
import { deriveSeed, mulberry32 } from '../prng';
import { profileImages } from '../profile';
import { attackStage, type AttackGroups, type AttackRun } from './attack-stage';
import type { ReproductionConfig } from './config';

export type { AttackGroups, AttackRun } from './attack-stage';

export interface StageTiming {
  stage: string;
  seconds: number;
}

export interface ReproductionResult {
  config: ReproductionConfig;
  input: InputInfo;
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
  groups: AttackGroups;
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
    const trainCodes = trainProfiles.map((p) => portionHotCode(p));
    const testCodes = profiles.map((p) => portionHotCode(p));
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
            codes: trainProfiles.map((p) => portionHotCode(p, [info.index])),
            labels: train.labels,
          },
          { codes: profiles.map((p) => portionHotCode(p, [info.index])), labels: test.labels },
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

  const correctIdx = correct.flatMap((ok, i) => (ok ? [i] : []));
  const { fgsmSweep, attacks, groups } = await attackStage({
    net,
    test,
    profiles,
    correctIdx,
    layers,
    config,
    statistics,
    control,
    stage,
  });

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
    input: { ...net.input },
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
