// Messages of the Analyses area (docs/analyses.md, "Views"): one entry per view, merged
// into `Operations` (protocol.ts). Plain data only; images are model inputs, H×W×C float32 in
// [0, 1] without the batch axis (784 values for MNIST), sets are such images back to back.
import type {
  GroupSeparation,
  ImportanceResult,
  LayerAblationTest,
  LayerConsistency,
  MovementResult,
  NearestCentroidResult,
  OcclusionResult,
  Patch,
} from '../analysis';
import type { PathwayLayerInfo } from '../pathways';

/** `count` labelled images stored back to back (count × H × W × C floats). */
export interface LabelledImages {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

/** One image to analyse and the class its probabilities are read for (null: the prediction). */
export interface ImageInput {
  image: Float32Array;
  label: number | null;
  /** m of the top-m maps (default 3). */
  topM?: number;
}

/** Finding 1 for one image: its pixels' top-m maps against the important ones. */
export interface ImageOverlapLayer {
  layer: number;
  name: string;
  channels: number;
  m: number;
  /** Mean over the image's pixels of |top-m(pixel) ∩ top-m(important)| / m. */
  overlap: number;
  /** m / C_l. */
  chance: number;
  /** The maps most of this image's pixels put among their top m (pathwayMapRanking). */
  imageTop: number[];
  /** The layer's m most important maps (by ablation). */
  important: number[];
}

export interface ImageOverlapResult {
  label: number;
  prediction: number;
  /** Analysed (non-zero) pixels. */
  pixels: number;
  layers: ImageOverlapLayer[];
  /** The causal test on this one image: zero its pathway maps vs random vs important maps. */
  ablation: LayerAblationTest[];
}

/** Findings 2 and 3 on a small labelled sample. */
export interface SampleSetResult {
  count: number;
  layers: PathwayLayerInfo[];
  /** Correlation of centred per-map sizes, same class vs different classes, per layer. */
  consistency: LayerConsistency[];
  /** Nearest-centroid accuracy: centroids from one half of each class, tested on the other. */
  portionHot: NearestCentroidResult;
  perLayer: Array<{ layer: number; name: string; accuracy: number }>;
  /** 2-D PCA of every image's portion-hot code (fitted on the centroid half). */
  points: Array<[number, number]>;
  labels: number[];
  /** Share of the variance along the two axes. */
  explained: number[];
  /** The images whose codes built the centroids (1) or were classified (0). */
  trainMask: Uint8Array;
}

export type AttackMode = 'fgsm' | 'targeted';

export interface AttackParams extends ImageInput {
  mode: AttackMode;
  /** FGSM: the step; targeted: the L∞ radius. */
  epsilon: number;
  /** Targeted only: the class to reach. */
  target: number;
  /** One natural image per class (classCount images), e.g. the first gallery sample of each. */
  naturals: Float32Array;
}

/** What each of the three images looks like to the network. */
export interface AttackImageSummary {
  prediction: number;
  probabilities: Float32Array;
  /** N_total (definition 7, τ = 0). */
  total: number;
  pixels: number;
  /** sizes[l][k] = Σ_p s_l^p[k] (positive measure): the image-level pathway vector of layer l. */
  sizes: Float32Array[];
}

export interface AttackLayerComparison {
  layer: number;
  name: string;
  attackedVsOriginal: number;
  attackedVsNatural: number;
  originalVsNatural: number;
}

export interface AttackViewResult {
  mode: AttackMode;
  epsilon: number;
  label: number;
  /** The class the natural image shows: the target (targeted) or what FGSM produced. */
  naturalClass: number;
  attacked: Float32Array;
  /** Largest |x' − x|. */
  linf: number;
  /** Targeted: steps taken (stops once the target is reached). */
  steps: number;
  original: AttackImageSummary;
  attackedSummary: AttackImageSummary;
  natural: AttackImageSummary;
  /** Pearson correlation of the per-map size vectors, per layer. */
  layers: AttackLayerComparison[];
}

export interface OcclusionParams extends ImageInput {
  patch: Patch;
}

export interface MovementParams extends ImageInput {
  dx: number;
  dy: number;
}

export interface MovementViewResult extends MovementResult {
  /** Conv and pool layers: total diffusion Σ_p D_l^p summed over maps, H_l×W_l, before/after. */
  maps: Array<{
    layer: number;
    name: string;
    height: number;
    width: number;
    before: Float32Array;
    after: Float32Array;
  }>;
}

/** Finding 5: N_total of originals, their targeted attacks, and natural target-class images. */
export interface GroupsResult {
  attempted: number;
  succeeded: number;
  /** Every pixel counted. */
  all: GroupSeparation;
  /** The deformed images counted on their original's non-zero pixels only. */
  inkOnly: GroupSeparation;
}

export interface AnalysisOperations {
  analysisImportance: { params: { set: LabelledImages; source: string }; result: ImportanceResult };
  analysisOverlap: {
    params: ImageInput & { importance: ImportanceResult };
    result: ImageOverlapResult;
  };
  analysisSampleSet: { params: { set: LabelledImages; topM?: number }; result: SampleSetResult };
  analysisAttack: { params: AttackParams; result: AttackViewResult };
  analysisOcclusion: { params: OcclusionParams; result: OcclusionResult };
  analysisMovement: { params: MovementParams; result: MovementViewResult };
  analysisGroups: { params: { set: LabelledImages; seed: number }; result: GroupsResult };
}
