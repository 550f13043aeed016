// Finding 4a (docs/analyses.md): do pathways explain adversarial attacks? For each attacked image we
// compare its image-level pathway vectors (per-map sizes, per layer) with those of the original
// and of a natural image of the class the attack produced. If the attack "re-routes" the pixels'
// pathways, the attacked image should resemble the target more than the original, at least in
// the late layers where the class is decided.
import type { PathwayLayerInfo } from '../pathways';
import type { PathwayProfile, ProfileVector } from './profile';
import { correlation, mean, relativeL1 } from './statistics';

export interface PathwayTriple {
  original: PathwayProfile;
  attacked: PathwayProfile;
  /** A natural image of the attacked image's predicted (target) class, or a class-mean profile. */
  target: PathwayProfile;
}

export interface PairDifference {
  /** Mean Pearson correlation of the two per-map vectors (NaN pairs skipped). */
  correlation: number;
  /** Mean Σ_k|a − b| / Σ_k|a| with a the first-named profile. */
  relativeL1: number;
}

export interface LayerAttackComparison {
  layer: number;
  name: string;
  attackedVsOriginal: PairDifference;
  attackedVsTarget: PairDifference;
  originalVsTarget: PairDifference;
  /** Share of images whose attacked vector correlates more with the target than the original. */
  closerToTarget: number;
}

export interface AttackComparison {
  layers: LayerAttackComparison[];
  /** N_total of each group, one value per triple. */
  totals: { original: number[]; attacked: number[]; target: number[] };
  images: number;
  vector: ProfileVector;
}

function pair(
  triples: PathwayTriple[],
  l: number,
  vector: ProfileVector,
  a: keyof PathwayTriple,
  b: keyof PathwayTriple,
): { diff: PairDifference; values: number[] } {
  const rs: number[] = [];
  const ds: number[] = [];
  for (const t of triples) {
    const va = t[a][vector][l]!;
    const vb = t[b][vector][l]!;
    const r = correlation(va, vb);
    if (!Number.isNaN(r)) rs.push(r);
    const d = relativeL1(va, vb);
    if (Number.isFinite(d)) ds.push(d);
  }
  return {
    diff: { correlation: mean(rs), relativeL1: mean(ds) },
    values: triples.map((t) => correlation(t[a][vector][l]!, t[b][vector][l]!)),
  };
}

export function compareAttackPathways(
  triples: PathwayTriple[],
  layers: PathwayLayerInfo[],
  vector: ProfileVector = 'sizes',
): AttackComparison {
  return {
    layers: layers.map((info) => {
      const l = info.index;
      const ao = pair(triples, l, vector, 'attacked', 'original');
      const at = pair(triples, l, vector, 'attacked', 'target');
      const ot = pair(triples, l, vector, 'original', 'target');
      let closer = 0;
      let counted = 0;
      ao.values.forEach((r, i) => {
        const rt = at.values[i]!;
        if (Number.isNaN(r) || Number.isNaN(rt)) return;
        counted++;
        if (rt > r) closer++;
      });
      return {
        layer: l,
        name: info.name,
        attackedVsOriginal: ao.diff,
        attackedVsTarget: at.diff,
        originalVsTarget: ot.diff,
        closerToTarget: counted > 0 ? closer / counted : NaN,
      };
    }),
    totals: {
      original: triples.map((t) => t.original.total),
      attacked: triples.map((t) => t.attacked.total),
      target: triples.map((t) => t.target.total),
    },
    images: triples.length,
    vector,
  };
}
