// Settings of one reproduction run (the command line fills them; defaults sized for two shared
// CPU cores and n = 1000: ≈ 5–8 minutes for MNIST).
import type { Measure } from '../../pathways';

export interface ReproductionConfig {
  modelId: string;
  /** Human-readable dataset name, e.g. "MNIST". */
  dataset: string;
  classNames: string[];
  /** Held-out images (seeded sample of the test split): pathway statistics, findings 1–5. */
  n: number;
  /** Further held-out images, disjoint from the n, on which map importance is measured. */
  nImportance: number;
  /** Training images (seeded sample) for the portion-hot class centroids. */
  nTrain: number;
  /** Images attacked with pathway statistics computed (a full-image statistic costs ≈ 1 s). */
  nAdv: number;
  /** Images for the occlusion analysis. */
  nOcc: number;
  /** Images for the movement analysis (each shift costs one more statistic). */
  nMove: number;
  seed: number;
  measure: Measure;
  /** τ for pathway counts (on `measure`). */
  threshold: number;
  /** Relative threshold variant reported alongside τ (τ_l = relative × max size on layer l). */
  relativeThreshold: number;
  topM: number;
  /** ε values of the FGSM success-rate sweep. */
  fgsmEpsilons: number[];
  /** ε of the FGSM whose pathways are compared. */
  fgsmEpsilon: number;
  targeted: { epsilon: number; stepSize: number; steps: number };
  patchSize: number;
  shifts: Array<[number, number]>;
  /** Random maps per image in the causal test. */
  randomRepeats: number;
}

export function defaultConfig(
  modelId: string,
  dataset: string,
  classNames: string[],
  n = 1000,
  seed = 1,
): ReproductionConfig {
  return {
    modelId,
    dataset,
    classNames,
    n,
    nImportance: n,
    nTrain: Math.max(10, Math.round(n / 2)),
    nAdv: Math.max(4, Math.min(200, Math.round(n / 5))),
    nOcc: Math.max(4, Math.min(500, Math.round(n / 2))),
    nMove: Math.max(4, Math.min(200, Math.round(n / 5))),
    seed,
    measure: 'positive',
    threshold: 0,
    relativeThreshold: 0.05,
    topM: 3,
    fgsmEpsilons: [0.05, 0.1, 0.15, 0.2, 0.3],
    fgsmEpsilon: 0.2,
    targeted: { epsilon: 0.3, stepSize: 0.01, steps: 60 },
    patchSize: 8,
    shifts: [
      [4, 0],
      [0, 4],
      [2, 0],
      [1, 0],
    ],
    randomRepeats: 3,
  };
}
