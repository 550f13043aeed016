// The report's verdict on each of the paper's five findings (docs/analyses.md, "Views"), from
// explicit, stated criteria, so that "holds" means the same thing for every model and run.
import { fmt } from './svg';
import type { ReproductionResult } from './pipeline';

/** 'not measured': the run had nothing to measure it on (e.g. no correctly classified image). */
export type Status = 'holds' | 'partly holds' | 'does not hold' | 'not measured';

export interface Verdict {
  finding: number;
  title: string;
  status: Status;
  /** One sentence with the key numbers. */
  headline: string;
  /** The criterion applied, stated in the report. */
  criterion: string;
}

// A measure with nothing to average (NaN) reads "n/a", never "NaN".
const pct = (v: number) => (Number.isFinite(v) ? `${fmt(100 * v, 1)} %` : 'n/a');
const num = (v: number, digits?: number) => (Number.isFinite(v) ? fmt(v, digits) : 'n/a');

function byShare(share: number, partlyFrom = 1 / 3, holdsFrom = 3 / 4): Status {
  if (share >= holdsFrom) return 'holds';
  if (share >= partlyFrom) return 'partly holds';
  return 'does not hold';
}

/** The parts that were measured decide; none measured: not measured. */
function combine(all: Status[]): Status {
  const statuses = all.filter((s) => s !== 'not measured');
  if (statuses.length === 0) return 'not measured';
  if (statuses.every((s) => s === 'holds')) return 'holds';
  if (statuses.every((s) => s === 'does not hold')) return 'does not hold';
  return 'partly holds';
}

function findingOne(r: ReproductionResult): Verdict {
  const above = r.overlap.filter((o) => o.overlap - o.chance > 2 * (o.standardError || 0));
  const m = r.config.topM;
  const tests = r.ablation.filter((a) => a.k === Math.min(m, a.channels - 1));
  // Accuracy saturates near 100 %; the true-class probability also registers smaller effects.
  const causal = tests.filter(
    (a) =>
      a.baseline.probability - a.pathway.probability >
      a.baseline.probability - a.random.probability,
  );
  const sOverlap = byShare(above.length / Math.max(1, r.overlap.length));
  const sCausal = byShare(causal.length / Math.max(1, tests.length));
  return {
    finding: 1,
    title: 'The largest pathways cross the important feature maps',
    status: combine([sOverlap, sCausal]),
    headline:
      `top-${m} overlap above chance (by > 2 SE) in ${above.length}/${r.overlap.length} layers ` +
      `(${above.map((o) => o.name).join(', ') || 'none'}); zeroing each image's ${m} pathway maps costs more ` +
      `true-class probability than ${m} random maps in ${causal.length}/${tests.length} layers.`,
    criterion:
      'holds when both measures favour the pathway maps in ≥ 3/4 of the layers, does not hold when ' +
      'both do in < 1/3, partly otherwise.',
  };
}

function findingTwo(r: ReproductionResult): Verdict {
  const c = r.consistency.centred;
  const raw = r.consistency.raw;
  const positive = c.filter((l) => l.gap > 0).length;
  const half = Math.ceil(c.length / 2);
  const early = c.slice(0, half).reduce((s, l) => s + l.gap, 0) / half;
  const late = c.slice(half).reduce((s, l) => s + l.gap, 0) / Math.max(1, c.length - half);
  const rawPositive = raw.filter((l) => l.gap > 0).length;
  // The paper's claim has two parts: consistency within a category, and most clearly early.
  const consistent = byShare(positive / c.length);
  const status: Status = consistent === 'holds' && !(early > late) ? 'partly holds' : consistent;
  return {
    finding: 2,
    title: 'Same-category pathways are more consistent (most clearly in early layers)',
    status,
    headline:
      `within-class correlation exceeds between-class in ${rawPositive}/${raw.length} layers (raw vectors) and ` +
      `${positive}/${c.length} (centred); the mean centred gap is ${fmt(early)} in the first ${half} layers vs ` +
      `${fmt(late)} in the rest, ${whereLarger(early, late)}.`,
    criterion:
      'holds when the centred within−between gap is positive in ≥ 3/4 of the layers and its mean over the ' +
      'first half of the layers exceeds that over the second half ("most clearly in early layers"); partly ' +
      'when only the first part holds.',
  };
}

/** What the two halves' mean gaps say (a negative gap is no within-class effect at all). */
function whereLarger(early: number, late: number): string {
  if (!(early > 0) && !(late > 0)) return 'so neither half shows a within-class effect';
  return early > late
    ? 'so the effect is larger early, as the paper says'
    : 'so the effect is larger in the late layers, not the early ones';
}

function findingThree(r: ReproductionResult): Verdict {
  const a = r.portionHot.all;
  const holds = a.accuracy >= a.chance + 0.5 * (1 - a.chance);
  const partly = a.accuracy >= 2 * a.chance;
  const best = [...r.portionHot.perLayer].sort((x, y) => y.result.accuracy - x.result.accuracy)[0];
  return {
    finding: 3,
    title: 'Portion-hot pathway codes separate the categories',
    status: holds ? 'holds' : partly ? 'partly holds' : 'does not hold',
    headline:
      `nearest-class-centroid accuracy of the portion-hot code (all layers) ${pct(a.accuracy)} on ` +
      `${a.testSize} held-out images (chance ${pct(a.chance)}; raw pixels ${pct(r.portionHot.pixels.accuracy)}); ` +
      `best single layer ${best ? `${best.name} ${pct(best.result.accuracy)}` : 'n/a'}.`,
    criterion:
      'holds when accuracy ≥ chance + half the way to 100 %, partly when ≥ twice chance, otherwise not.',
  };
}

function findingFour(r: ReproductionResult): Verdict {
  const targeted = r.attacks.find((a) => a.kind === 'targeted');
  const lastHidden = r.layers.filter((l) => l.kind !== 'logits').at(-1);
  const cmp = targeted?.comparisonClassMean.layers.find((l) => l.layer === lastHidden?.index);
  const towards = cmp ? cmp.attackedVsTarget.correlation - cmp.originalVsTarget.correlation : NaN;
  // No successful targeted attack (e.g. no original classified right): nothing to compare.
  const advMeasured = cmp !== undefined && Number.isFinite(towards);
  const sAdv: Status = !advMeasured
    ? 'not measured'
    : cmp.closerToTarget > 0.5
      ? 'holds'
      : towards > 0
        ? 'partly holds'
        : 'does not hold';
  const occ = r.occlusion;
  const occBetter = occ.layers.filter((l) => l.overlap > l.baseline).length;
  const occMeasured = Number.isFinite(occ.occludedAccuracy);
  const sOcc: Status = !occMeasured
    ? 'not measured'
    : occBetter === occ.layers.length && occ.occludedAccuracy >= 0.5
      ? 'holds'
      : occBetter > 0
        ? 'partly holds'
        : 'does not hold';
  const mv = movementSummary(r);
  // With no shifted image that kept all its input, movement is not measured: leave it out.
  const moveMeasured = Number.isFinite(mv.multipleConvPool) && Number.isFinite(mv.otherConvPool);
  const sMove: Status =
    mv.multipleConvPool < 0.05 && mv.multipleConvPool < mv.otherConvPool / 2
      ? 'holds'
      : mv.multipleConvPool < mv.otherConvPool
        ? 'partly holds'
        : 'does not hold';
  return {
    finding: 4,
    title: 'Pathways explain adversarial attacks, object completion and movement',
    status: combine(moveMeasured ? [sAdv, sOcc, sMove] : [sAdv, sOcc]),
    headline:
      (advMeasured
        ? `attacks: ${sAdv} (${lastHidden?.name ?? 'last hidden layer'}: attacked↔target-class correlation ` +
          `${num(cmp.attackedVsTarget.correlation)} vs original↔target ${num(cmp.originalVsTarget.correlation)}, ` +
          `attacked closer to the target class than to its original in ${pct(cmp.closerToTarget)}); `
        : `attacks: not measured (${targeted?.succeeded ?? 0} of ${targeted?.attempted ?? 0} targeted attacks on correctly classified images succeeded); `) +
      (occMeasured
        ? `occlusion: ${sOcc} (accuracy ${pct(occ.occludedAccuracy)} with ${pct(occ.meanOccludedInk)} of the ink hidden; ` +
          `same-pixel top-map overlap above the other-pixel baseline in ${occBetter}/${occ.layers.length} layers); `
        : 'occlusion: not measured (no correctly classified image to occlude); ') +
      (moveMeasured
        ? `movement: ${sMove} (conv/pool per-map sizes change by ${pct(mv.multipleConvPool)} where the shift ` +
          `is a multiple of the layer's stride vs ${pct(mv.otherConvPool)} where it is not).`
        : 'movement: not measured (every shifted image lost input off the frame).'),
    criterion:
      'attacks hold when the attacked image is closer (correlation) to the target class than to its original ' +
      'in the last hidden layer for most images, partly when it merely moves towards it; occlusion holds when ' +
      'every layer beats the other-pixel baseline and accuracy stays ≥ 50 %; movement holds when conv/pool ' +
      "sizes change < 5 % where the shift is a multiple of the layer's stride and at most half as much as " +
      'where it is not (shifts that push non-zero pixels off the frame left out).',
  };
}

/**
 * Mean relative change of v_l over (image, shift, conv/pool layer) triples, split by whether the
 * shift is a multiple of that layer's stride (where equivariance predicts no change) or not.
 * Shifts that push non-zero pixels off the frame are left out: they remove input.
 */
export function movementSummary(r: ReproductionResult): {
  multipleConvPool: number;
  otherConvPool: number;
  kept: number;
  dropped: number;
} {
  const mult: number[] = [];
  const other: number[] = [];
  const kept = r.movement.filter((m) => m.lostValues === 0);
  for (const m of kept) {
    for (const l of m.layers) {
      if (l.stride === null) continue;
      (m.dx % l.stride === 0 && m.dy % l.stride === 0 ? mult : other).push(l.sizeChange);
    }
  }
  const avg = (a: number[]) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN);
  return {
    multipleConvPool: avg(mult),
    otherConvPool: avg(other),
    kept: kept.length,
    dropped: r.movement.length - kept.length,
  };
}

function findingFive(r: ReproductionResult): Verdict {
  const pairs = r.groups.total.pairs;
  const strong = pairs.filter((p) => Math.abs(p.auc - 0.5) >= 0.3);
  const ink = r.groups.inkOnly.pairs;
  const inkStrong = ink.filter((p) => Math.abs(p.auc - 0.5) >= 0.3);
  const list = (ps: typeof pairs) => ps.map((p) => `${p.a}/${p.b} ${num(p.auc, 2)}`).join(', ');
  // No AUC at all: the groups are empty (they are the successful targeted attacks' triples).
  const measured = pairs.some((p) => Number.isFinite(p.auc));
  const targeted = r.attacks.find((a) => a.kind === 'targeted');
  return {
    finding: 5,
    title: 'N_total separates original, deformed and target samples',
    status: measured
      ? byShare(strong.length / Math.max(1, pairs.length), 1 / 3, 1)
      : 'not measured',
    headline: measured
      ? `AUC of N_total (all pixels, τ = ${r.config.threshold}): ${list(pairs)}; counting the deformed images ` +
        `on the original's non-zero pixels only: ${list(ink)} (${inkStrong.length}/${ink.length} pairs separated).`
      : `not measured: no deformed samples (${targeted?.succeeded ?? 0} of ${targeted?.attempted ?? 0} targeted attacks on correctly classified images succeeded).`,
    criterion:
      'a pair counts as separated when |AUC − 0.5| ≥ 0.3; holds when all three pairs are, partly when at ' +
      'least one is.',
  };
}

export function verdicts(r: ReproductionResult): Verdict[] {
  return [findingOne(r), findingTwo(r), findingThree(r), findingFour(r), findingFive(r)];
}
