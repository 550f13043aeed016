// Pooling layers as engine specs (docs/method.md, "Average and global-average pooling"). Average
// pools are linear, with no gate, so they are expressed exactly with the engine's existing linear
// layers: AveragePooling2D as a conv with a fixed diagonal kernel, GlobalAveragePooling2D as a
// dense layer that reads channel means (folded into the Dense after it where there is one).
// GlobalMaxPooling2D is a max-pool with one window over the whole map.
import {
  hasPads,
  NO_PADS,
  UnsupportedLayerError,
  type Pads,
  type SlidingGeometry,
} from './keras-config';
import {
  layerInfo,
  MAX_BUILT_ENTRIES,
  type ConvSpec,
  type DenseSpec,
  type PoolSpec,
} from './layer-spec';

const AVERAGE_POOLING = 'AveragePooling2D';
const GLOBAL_AVERAGE = 'GlobalAveragePooling2D';

function millions(n: number): string {
  return `${(n / 1e6).toFixed(1)} million`;
}

/** kernel[a,b,j,k] = [j = k] / (kh·kw): the average over the window, channel by channel. */
function diagonalKernel(kh: number, kw: number, C: number): Float32Array {
  const kernel = new Float32Array(kh * kw * C * C);
  const weight = 1 / (kh * kw);
  for (let cell = 0; cell < kh * kw; cell++) {
    for (let c = 0; c < C; c++) kernel[(cell * C + c) * C + c] = weight;
  }
  return kernel;
}

/**
 * AveragePooling2D as a conv with a diagonal kernel of 1/(kh·kw) and zero bias: exact for
 * 'valid' padding (also with a ZeroPadding2D before it: Keras averages the padded zeros too) and
 * for 'same' padding where it pads nothing. Where 'same' does pad, TensorFlow divides each border
 * window by its count of in-bounds cells, which no fixed kernel does: refused, saying so.
 */
export function averagePoolingSpec(args: {
  index: number;
  name: string;
  /** The map the layer sees, [H, W, C] (padded by any folded ZeroPadding2D). */
  shape: [number, number, number];
  poolSize: [number, number];
  strides: [number, number];
  padding: 'same' | 'valid';
  geometry: SlidingGeometry;
  zeroPaddingLayers: string[];
}): ConvSpec {
  const { name, shape, poolSize, strides, padding, geometry } = args;
  const [kh, kw] = poolSize;
  const C = shape[2];
  if (padding === 'same' && hasPads(geometry.own)) {
    const { top, bottom, left, right } = geometry.own;
    throw new UnsupportedLayerError(
      name,
      AVERAGE_POOLING,
      `padding 'same' pads its ${shape[0]}×${shape[1]} input (rows ${top} above, ${bottom} below; ` +
        `columns ${left} left, ${right} right), and TensorFlow then averages each border window ` +
        `over its in-bounds cells only. That divisor changes with the position, which the ` +
        `engine's fixed averaging kernel cannot express exactly. Use padding 'valid' (the Keras ` +
        `default), or a map size and stride for which 'same' pads nothing`,
    );
  }
  const entries = kh * kw * C * C;
  if (entries > MAX_BUILT_ENTRIES) {
    throw new UnsupportedLayerError(
      name,
      AVERAGE_POOLING,
      `the engine traces it as a ${kh}×${kw} convolution with a diagonal ${C}×${C} kernel ` +
        `(${millions(entries)} weights), above its limit of ${millions(MAX_BUILT_ENTRIES)}`,
    );
  }
  const folded = args.zeroPaddingLayers.length > 0;
  return {
    kind: 'conv',
    info: layerInfo(args.index, name, 'pool', geometry.out[0], geometry.out[1], C, 'avgpool'),
    inShape: geometry.inShape,
    relu: false,
    sources: [...args.zeroPaddingLayers, name],
    kernelSize: [kh, kw],
    strides,
    // 'same' that pads nothing is 'valid'.
    padding: folded ? geometry.padding : 'valid',
    pads: folded ? geometry.pads : NO_PADS,
    kernel: diagonalKernel(kh, kw, C),
    bias: new Float32Array(C),
  };
}

/** GlobalMaxPooling2D: a max-pool whose one window is the whole H×W map (output 1×1×C). */
export function globalMaxPoolingSpec(
  index: number,
  name: string,
  shape: [number, number, number],
): PoolSpec {
  const [H, W, C] = shape;
  const pads: Pads = { ...NO_PADS };
  return {
    kind: 'pool',
    info: layerInfo(index, name, 'pool', 1, 1, C, 'globalmaxpool'),
    inShape: shape,
    relu: false,
    sources: [name],
    poolSize: [H, W],
    strides: [H, W],
    padding: 'valid',
    pads,
  };
}

/**
 * A GlobalAveragePooling2D over an [H, W, C] map, before its weights are built: out_k =
 * scale_k · mean_uv x[u,v,k] + bias_k, with `scale` = 1 until a BatchNormalization folds into it.
 * A Dense right after it absorbs it (absorbGlobalAverage); otherwise `buildMeanWeights` makes it
 * a pathway layer of its own.
 */
export function globalAverageSpec(
  index: number,
  name: string,
  shape: [number, number, number],
): { spec: DenseSpec; scale: Float32Array } {
  const C = shape[2];
  const spec: DenseSpec = {
    kind: 'dense',
    info: layerInfo(index, name, 'dense', 1, 1, C, 'globalavgpool'),
    inShape: shape,
    relu: false,
    sources: [name],
    meanInput: true,
    weights: new Float32Array(0),
    bias: new Float32Array(C),
  };
  return { spec, scale: new Float32Array(C).fill(1) };
}

/**
 * A Dense [C, N] after a linear global average (per-channel scale and bias, from a folded BN):
 * one dense layer on the channel means, W'[k,n] = scale_k·W[k,n], b'_n = b_n + Σ_k bias_k·W[k,n].
 * Exact: both are linear maps of the same means.
 */
export function absorbGlobalAverage(
  average: DenseSpec,
  scale: Float32Array,
  dense: {
    name: string;
    weights: Float32Array;
    bias: Float32Array;
    units: number;
    relu: boolean;
  },
): DenseSpec {
  const C = scale.length;
  const N = dense.units;
  const weights = new Float32Array(C * N);
  const bias = Float32Array.from(dense.bias);
  for (let k = 0; k < C; k++) {
    const s = scale[k]!;
    const b = average.bias[k]!;
    for (let n = 0; n < N; n++) {
      const w = dense.weights[k * N + n]!;
      weights[k * N + n] = s * w;
      bias[n] = bias[n]! + b * w;
    }
  }
  return {
    kind: 'dense',
    info: layerInfo(average.info.index, dense.name, 'dense', 1, 1, N),
    inShape: average.inShape,
    relu: dense.relu,
    sources: [...average.sources, dense.name],
    meanInput: true,
    weights,
    bias,
  };
}

/**
 * The weights of a global average that stays a pathway layer (the logits of an all-conv net, or
 * one followed by a ReLU): the diagonal C×C matrix of its scales, on the channel means. Refused
 * above MAX_BUILT_ENTRIES.
 */
export function buildMeanWeights(spec: DenseSpec, scale: Float32Array): void {
  const C = scale.length;
  if (C * C > MAX_BUILT_ENTRIES) {
    throw new UnsupportedLayerError(
      spec.info.name,
      GLOBAL_AVERAGE,
      `as a layer of its own (no Dense after it) it needs a ${C}×${C} averaging matrix ` +
        `(${millions(C * C)} entries), above the engine's limit of ${millions(MAX_BUILT_ENTRIES)}`,
    );
  }
  const weights = new Float32Array(C * C);
  for (let k = 0; k < C; k++) weights[k * C + k] = scale[k]!;
  spec.weights = weights;
}
