// The plain-data description of a network that the engine traces (network.ts builds it from a
// Keras model): one spec per pathway layer, parameters as typed arrays, no tensors.
import type { ExplicitPadding, Pads } from './keras-config';
import type { InputInfo, PathwayLayerInfo, PathwayLayerKind, PathwayLayerOp } from './types';

interface SpecBase {
  info: PathwayLayerInfo;
  /** Input shape [H, W, C] of this pathway layer (for dense: the flattened predecessor's shape). */
  inShape: [number, number, number];
  /** Whether a ReLU gate M = [z > 0] follows (folded from the layer's activation or a ReLU layer). */
  relu: boolean;
  /** Keras layers merged into this pathway layer, in order (e.g. conv1, bn1, relu1). */
  sources: string[];
}

/**
 * A sliding-window layer's stride and padding (TF's rule for 'same', made explicit in pads).
 * `padding` is what tfjs ops take: the layer's own 'same'/'valid', or explicit when a
 * ZeroPadding2D before the layer was folded into it.
 */
interface SlidingSpec extends SpecBase {
  strides: [number, number];
  padding: 'same' | 'valid' | ExplicitPadding;
  pads: Pads;
}

/**
 * A convolution, or an AveragePooling2D (info.op 'avgpool'): the same linear map with a fixed
 * diagonal kernel K[a,b,j,k] = [j = k] / (kh·kw) and zero bias (docs/method.md, "Average and
 * global-average pooling").
 */
export interface ConvSpec extends SlidingSpec {
  kind: 'conv';
  kernelSize: [number, number];
  /** Kernel [kh, kw, C_in, C_out] row-major (Keras layout), BN folded in. */
  kernel: Float32Array;
  /** Bias [C_out] (zeros when the layer has none), BN folded in. */
  bias: Float32Array;
}

/** A max-pool (MaxPooling2D, or GlobalMaxPooling2D as one window over the whole map). */
export interface PoolSpec extends SlidingSpec {
  kind: 'pool';
  poolSize: [number, number];
}

export interface DenseSpec extends SpecBase {
  kind: 'dense' | 'logits';
  /**
   * Set when the layer reads the mean of each of its input's C maps over the H×W positions: a
   * GlobalAveragePooling2D folded into the Dense after it, or one that is a pathway layer of its
   * own. `weights` is then [C, N_out]: exactly a dense layer on the flattened map whose weights
   * are replicated over the H·W positions and divided by H·W, without that H·W-fold matrix.
   */
  meanInput?: boolean;
  /**
   * Weights [N_in, N_out] row-major; input index of the NHWC predecessor = (r * W + c) * C + ch
   * (with meanInput: N_in = C and the index is ch).
   */
  weights: Float32Array;
  bias: Float32Array;
}

export type LayerSpec = ConvSpec | PoolSpec | DenseSpec;

/** Plain-data network description (no tensors): serialisable and transferable. */
export interface NetworkSpec {
  input: InputInfo;
  layers: LayerSpec[];
}

/**
 * The largest parameter array the conversion builds itself (an average pool's diagonal kernel, a
 * global average's C×C matrix): 2^24 float32 entries, 64 MB, so that a model cannot make the
 * engine allocate unboundedly more than its own weights.
 */
export const MAX_BUILT_ENTRIES = 1 << 24;

/** Rows of a dense layer's weight matrix: the flattened input, or its C channel means. */
export function denseInputSize(layer: DenseSpec): number {
  const [H, W, C] = layer.inShape;
  return layer.meanInput ? C : H * W * C;
}

export function layerInfo(
  index: number,
  name: string,
  kind: PathwayLayerKind,
  height: number,
  width: number,
  channels: number,
  op?: PathwayLayerOp,
): PathwayLayerInfo {
  const info: PathwayLayerInfo = { index, name, kind, height, width, channels };
  if (op) info.op = op;
  return info;
}
