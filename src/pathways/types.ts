// The pathway engine's public data contract. Everything here is plain data (numbers and typed
// arrays) so that it crosses postMessage with transferred buffers and feeds layout/tests directly.
// Tensor layout everywhere: one image, NHWC without the batch axis: index = (row * W + col) * C + ch.

/** How a pathway's size is measured on a feature map (pathways.md, definition 4). */
export type Measure = 'signed' | 'positive' | 'l1';

/** A layer that carries pathways: conv (ReLU folded in), max-pool, dense (ReLU folded in), logits. */
export type PathwayLayerKind = 'conv' | 'pool' | 'dense' | 'logits';

export interface PathwayLayerInfo {
  /** Position in the pathway layer list (0 = first conv). */
  index: number;
  /** The Keras layer name, e.g. 'conv1_1', 'pool1', 'dense1', 'logits'. */
  name: string;
  kind: PathwayLayerKind;
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
