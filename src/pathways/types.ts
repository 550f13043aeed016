// The pathway engine's public data contract. Everything here is plain data (numbers and typed
// arrays) so that it crosses postMessage with transferred buffers and feeds layout/tests directly.
// Tensor layout everywhere: one image, NHWC without the batch axis: index = (row * W + col) * C + ch.

/** How a pathway's size is measured on a feature map (docs/method.md, definition 4). */
export type Measure = 'signed' | 'positive' | 'l1';

/**
 * A layer that carries pathways: conv (ReLU folded in), pool (max or average; `op` says which),
 * dense (ReLU folded in), logits.
 */
export type PathwayLayerKind = 'conv' | 'pool' | 'dense' | 'logits';

/**
 * What a pathway layer computes where `kind` alone does not say it (absent: a convolution, a
 * max-pool, a dense layer). 'avgpool': AveragePooling2D (kind 'pool'; channel-wise like a
 * max-pool, so its flows are diagonal too). 'globalavgpool': a GlobalAveragePooling2D that is a
 * pathway layer of its own (kind 'logits' when it produces the class scores of an all-conv net,
 * 'dense' when a ReLU follows it); one followed by a Dense is folded into that Dense instead.
 * 'globalmaxpool': GlobalMaxPooling2D (kind 'pool', one 1×1 output per map).
 */
export type PathwayLayerOp = 'avgpool' | 'globalavgpool' | 'globalmaxpool';

export interface PathwayLayerInfo {
  /** Position in the pathway layer list (0 = first conv). */
  index: number;
  /** The Keras layer name, e.g. 'conv1_1', 'pool1', 'dense1', 'logits'. */
  name: string;
  kind: PathwayLayerKind;
  /** Set only for the layers listed at PathwayLayerOp (labels: "avg pool", "global avg pool"). */
  op?: PathwayLayerOp;
  /** Output shape; dense and logits layers have height = width = 1. */
  height: number;
  width: number;
  channels: number;
}

/** The input's geometry, e.g. 28×28×1 for MNIST. */
export interface InputInfo {
  height: number;
  width: number;
  channels: number;
}

/** A pathway as a chain of one map per layer (definition 6), with its signed class flow. */
export interface PathwayChain {
  /** maps[l] = channel index in pathway layer l. */
  maps: number[];
  /** Contribution of this chain to the chosen class logit. */
  flow: number;
}

/** One-pixel (or pixel-set) query: everything the visualizer draws for the selection. */
export interface PixelQueryResult {
  /** Flat input positions (row * W + col) whose diffusions are summed (linearity). */
  pixels: number[];
  /** Class whose logit the flows are conserved towards (definition 5). */
  classIndex: number;
  input: InputInfo;
  layers: PathwayLayerInfo[];
  /** sizes[l][measure][k]: the selection's pathway size on map k of layer l (definition 4). */
  sizes: Array<Record<Measure, Float32Array>>;
  /** nodeFlow[l][k] = F_l[k] (definition 5); Σ_k nodeFlow[l][k] = relevance at every l. */
  nodeFlow: Float32Array[];
  /**
   * edgeFlow[l] = E_l, row-major [C_{l-1} × C_l] (index j * C_l + k). For l = 0 the sources are the
   * input channels of the selected pixels (C_{-1} = input.channels).
   */
  edgeFlow: Float32Array[];
  /**
   * inputFlow[j] = Σ_pixels x_p[j] · ∂z_c/∂x_p[j]: the flow leaving input channel j (the sources
   * of edgeFlow[0]); Σ_j inputFlow[j] = relevance.
   */
  inputFlow: Float32Array;
  /** R_c(p) = Σ_pixels x_p · ∂z_c/∂x_p with the gates fixed. */
  relevance: number;
  /** diffusion[l]: D_l for the selection, H×W×C of layer l (definition 2). */
  diffusion: Float32Array[];
  /** Top chains by beam search (approximate: say so in the UI). */
  chains: PathwayChain[];
  beamWidth: number;
  /** Largest absolute conservation error over all layers and nodes, in logit units. */
  maxConservationError: number;
}

/**
 * The gates of one image (docs/method.md, definition 1): everything fixed by the ordinary forward
 * pass. Plain typed arrays (NHWC, batch axis dropped), so gates can be kept between queries,
 * transferred between threads and never leak tensors.
 */
export interface Gates {
  input: InputInfo;
  layers: PathwayLayerInfo[];
  /** The model input x (H×W×C, already normalised, e.g. pixel/255). */
  image: Float32Array;
  /** preActivation[l] = z_l, layer l's output before its ReLU (pool: the pooled values). */
  preActivation: Float32Array[];
  /** activation[l] = h_l, layer l's output (after its ReLU, if any). */
  activation: Float32Array[];
  /** mask[l] = [z_l > 0] as 0/1 for rectified layers; null where the layer has no ReLU. */
  masks: Array<Float32Array | null>;
  /**
   * switches[l] for max-pool layers: for each output element (index (u*W_out+v)*C+ch), the flat
   * index (r*W_in+c)*C+ch of its window's maximum (first in row-major window order on ties).
   */
  switches: Array<Int32Array | null>;
  logits: Float32Array;
  probabilities: Float32Array;
  prediction: number;
}

/** Whole-image statistics over a pixel set (definitions 4, 7, 8 and relevance of definition 5). */
export interface ImageStatistics {
  input: InputInfo;
  layers: PathwayLayerInfo[];
  /** Flat positions (row * W + col) of the analysed pixels (default: every non-zero pixel). */
  pixels: Int32Array;
  /** sizes[l][measure][i * C_l + k] = s_l^p[k] for p = pixels[i] (every measure is returned). */
  sizes: Array<Record<Measure, Float32Array>>;
  /** The measure used for counts and portion-hot codes. */
  measure: Measure;
  /** thresholds[l] = τ_l actually applied on layer l (absolute, in the measure's units). */
  thresholds: Float32Array;
  /** counts[l][k] = N_l[k] = #pixels i with sizes[l][measure][i*C_l+k] > τ_l (definition 7). */
  counts: Int32Array[];
  /** N_total = Σ_l Σ_k N_l[k]. */
  total: number;
  /** m of the portion-hot code (definition 8). */
  topM: number;
  /** topMaps[l][i * topM + r] = the r-th largest map of pixel i on layer l (its portion-hot 1s). */
  topMaps: Int32Array[];
  /** portionHot[l][k] = share of analysed pixels whose top-m maps on layer l include k. */
  portionHot: Float32Array[];
  /** relevance[c * (H*W) + p] = R_c(p) = Σ_ch x[p,ch] ∂z_c/∂x[p,ch] (gates fixed), every pixel. */
  relevance: Float32Array;
  classCount: number;
  logits: Float32Array;
  probabilities: Float32Array;
  prediction: number;
  /**
   * Only when requested: completenessError[l] = max |Σ_p D_l^p + B_l − h_l| over layer l, with the
   * sum over ALL non-zero pixels (definition 3), in the layer's units.
   */
  completenessError?: Float32Array;
}

/**
 * What the feature-map and class panels draw for one image, from one forward pass: every pathway
 * layer's output h_l and every pixel's relevance R_c(p) for every class. Plain typed arrays.
 */
export interface ImageForward {
  input: InputInfo;
  layers: PathwayLayerInfo[];
  /** activations[l] = h_l, NHWC without the batch axis (H×W×C of layer l). */
  activations: Float32Array[];
  /** relevance[c * (H*W) + p] = R_c(p) = Σ_ch x[p,ch] ∂z_c/∂x[p,ch] (gates fixed), every pixel. */
  relevance: Float32Array;
  classCount: number;
  probabilities: Float32Array;
  prediction: number;
}
