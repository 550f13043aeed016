// Finding 5 (docs/analyses.md): does the total number of pathways N_total separate original, deformed
// (attacked) and target samples? Histograms on shared bins and the AUC of every pair of groups.
import { auc } from './auc';
import { histogram, type Histogram } from './histogram';
import { mean, median } from './statistics';

export interface GroupSummary {
  name: string;
  count: number;
  mean: number;
  median: number;
}

export interface PairSeparation {
  a: string;
  b: string;
  /** P(value_b > value_a) + ½ P(equal) (Mann–Whitney); 0.5 = inseparable. */
  auc: number;
}

export interface GroupSeparation {
  groups: GroupSummary[];
  pairs: PairSeparation[];
  histogram: Histogram;
}

export function groupSeparation(
  groups: Array<{ name: string; values: ArrayLike<number> }>,
  bins = 20,
): GroupSeparation {
  const pairs: PairSeparation[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      pairs.push({
        a: groups[i]!.name,
        b: groups[j]!.name,
        auc: auc(groups[i]!.values, groups[j]!.values),
      });
    }
  }
  return {
    groups: groups.map((g) => ({
      name: g.name,
      count: g.values.length,
      mean: mean(g.values),
      median: median(g.values),
    })),
    pairs,
    histogram: histogram(
      groups.map((g) => g.values),
      bins,
    ),
  };
}
