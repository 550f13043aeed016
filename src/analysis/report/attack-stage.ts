// The attack part of the report (findings 4a and 5): an FGSM success-rate sweep, targeted I-FGSM
// and FGSM attacks whose pathways are compared with the originals and with natural images of the
// class they produced, and N_total of the original / deformed / target groups.
import {
  countPathways,
  nonZeroPixels,
  predictImages,
  type Network,
  type PathwayLayerInfo,
  type StatisticsOptions,
} from '../../pathways';
import {
  compareAttackPathways,
  type AttackComparison,
  type PathwayTriple,
} from '../attack-pathways';
import { fgsm, targetedAttack } from '../attacks';
import { yieldAndCheck, type RunControl } from '../control';
import { groupSeparation, type GroupSeparation } from '../groups';
import { imageAt, subset, type ImageSet } from '../images';
import { deriveSeed, mulberry32, randomInt } from '../prng';
import { analyseImage, meanProfile, type PathwayProfile } from '../profile';
import type { ReproductionConfig } from './config';

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

export interface AttackGroups {
  /** N_total with τ, all pixels. */
  total: GroupSeparation;
  /** The deformed images counted on the original's non-zero pixels only. */
  inkOnly: GroupSeparation;
  /** N_total with the relative threshold. */
  relative: GroupSeparation;
}

export interface AttackStageResult {
  fgsmSweep: Array<{ epsilon: number; successRate: number; attempted: number }>;
  attacks: AttackRun[];
  groups: AttackGroups;
}

export interface AttackStageInput {
  net: Network;
  test: ImageSet;
  /** profiles[i] describes test image i. */
  profiles: PathwayProfile[];
  /** Indices of the correctly classified test images. */
  correctIdx: number[];
  layers: PathwayLayerInfo[];
  config: ReproductionConfig;
  statistics: StatisticsOptions;
  control: RunControl;
  stage: <T>(name: string, run: () => Promise<T>) => Promise<T>;
}

export async function attackStage(input: AttackStageInput): Promise<AttackStageResult> {
  const { net, test, profiles, correctIdx, layers, config, statistics, control, stage } = input;
  const K = net.classCount;
  // Attacks: originals are correctly classified sample images; each gets a natural image of its
  // target class (a correctly classified sample image, seeded choice) for comparison.
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
    const out: AttackStageResult['fgsmSweep'] = [];
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
          const ink = nonZeroPixels({ image: imageAt(test, advIdx[i]!), input: test.input });
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
  return { fgsmSweep, attacks, groups };
}
