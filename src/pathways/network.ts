// Model → engine conversion: a validated sequential description of the network whose pathways we
// trace. One description serves every caller (worker, main-thread fallback, Node scripts, tests).
//
// Supported Keras layers (tfjs-layers class names; docs/method.md, "The network"):
// - Conv2D: any kernel, stride, 'same'/'valid', ReLU or linear; no dilation.
// - ZeroPadding2D directly before a Conv2D or an AveragePooling2D: folded into its padding.
// - MaxPooling2D: any size, stride, 'same'/'valid'. GlobalMaxPooling2D: one window per map.
// - AveragePooling2D: 'valid', or 'same' where it pads nothing (a conv with a fixed diagonal
//   kernel 1/(kh·kw); padding 'same' that pads is refused: its border divisor is not a kernel).
// - GlobalAveragePooling2D: folded into the Dense after it (Dropout, Flatten, BatchNormalization
//   in between are fine); with no Dense after it, a dense layer of its own on the channel means,
//   e.g. the logits of an all-conv net whose last conv has one map per class.
// - Flatten, Dense (ReLU or linear), Dropout (identity at inference), InputLayer.
// - Activation('relu' | 'linear'), ReLU (no maxValue): merged into the layer before them.
// - BatchNormalization (inference mode) directly after a linear Conv2D, Dense, AveragePooling2D
//   or GlobalAveragePooling2D: folded into it.
// A softmax on the very last layer (a Dense's activation or an Activation layer) is dropped: the
// engine works on the logits (pre-softmax). Anything else throws UnsupportedLayerError naming the
// layer, its class and the reason.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { batchNormAffine, foldAffine } from './batch-norm';
import {
  activationOf,
  pair,
  paddingMode,
  slidingGeometry,
  sumPads,
  UnsupportedLayerError,
  zeroPads,
  type Pads,
} from './keras-config';
import {
  denseInputSize,
  layerInfo,
  type ConvSpec,
  type DenseSpec,
  type LayerSpec,
  type NetworkSpec,
  type PoolSpec,
} from './layer-spec';
import {
  absorbGlobalAverage,
  averagePoolingSpec,
  buildMeanWeights,
  globalAverageSpec,
  globalMaxPoolingSpec,
} from './pooling-specs';
import type { InputInfo, PathwayLayerInfo } from './types';

export { UnsupportedLayerError } from './keras-config';
export type { ExplicitPadding, Pads } from './keras-config';
export type { ConvSpec, DenseSpec, LayerSpec, NetworkSpec, PoolSpec } from './layer-spec';
export { denseInputSize, MAX_BUILT_ENTRIES } from './layer-spec';

/** Device copies of one layer's parameters (conv kernel [kh,kw,Ci,Co] / dense weights [Nin,Nout]). */
export interface LayerTensors {
  weights: tf.Tensor | null;
  bias: tf.Tensor1D | null;
  /** Conv only: the kernel rotated 180° with its channel axes swapped, [kh, kw, C_out, C_in]. */
  backward: tf.Tensor4D | null;
}

/**
 * A network ready for the engine: the plain spec plus its parameters uploaded once to the
 * current tfjs backend. Rebuild after switching backends; call `disposeNetwork` when done.
 */
export interface Network extends NetworkSpec {
  readonly tensors: LayerTensors[];
  /** Number of classes (units of the logits layer). */
  readonly classCount: number;
}

interface PendingLayer {
  spec: LayerSpec;
  /** Keras class of the layer that opened this pathway layer (for messages). */
  cls: string;
  /** A ReLU is folded in already: BatchNormalization can no longer be. */
  hasRelu: boolean;
  softmax: { layer: string; cls: string } | null;
  /**
   * A GlobalAveragePooling2D whose weights are not built yet (pooling-specs.ts): its per-channel
   * scale. A Dense right after it absorbs it; otherwise it is built as a layer of its own.
   */
  meanScale?: Float32Array;
}

/** What the conversion has read so far: the current map and the pathway layers. */
interface Reader {
  shape: [number, number, number];
  /** True once a Flatten, Dense or global pooling has produced a vector. */
  flat: boolean;
  /** ZeroPadding2D layers waiting to be folded into the next Conv2D or AveragePooling2D. */
  zeroPadding: Pads | null;
  zeroPaddingLayers: string[];
  pending: PendingLayer[];
}

type KerasLayer = LayersModel['layers'][number];
type Config = Record<string, unknown>;

const SUPPORTED =
  'supported: Conv2D, ZeroPadding2D (before a Conv2D or an AveragePooling2D), MaxPooling2D, ' +
  'AveragePooling2D, GlobalMaxPooling2D, GlobalAveragePooling2D, Flatten, Dense, Dropout, ReLU, ' +
  "Activation ('relu', 'linear'; 'softmax' last), BatchNormalization after a linear layer";

function inputInfo(model: LayersModel): InputInfo {
  const inShape = model.inputs[0]?.shape;
  if (!inShape || inShape.length !== 4 || inShape.slice(1).some((d) => d === null)) {
    throw new Error(
      `The model input must be an image [batch, height, width, channels]; got ${JSON.stringify(inShape)}.`,
    );
  }
  return {
    height: inShape[1] as number,
    width: inShape[2] as number,
    channels: inShape[3] as number,
  };
}

function push(r: Reader, layer: PendingLayer, shape: [number, number, number]): void {
  r.pending.push(layer);
  r.shape = shape;
}

function spatialOnly(r: Reader, name: string, cls: string, what: string): void {
  if (r.flat) {
    throw new UnsupportedLayerError(
      name,
      cls,
      `${what} after Flatten, Dense or a global pooling (it needs a spatial map)`,
    );
  }
}

/** ZeroPadding2D layers before this one, taken for folding (and cleared). */
function takeZeroPadding(r: Reader): { pads: Pads | null; layers: string[] } {
  const taken = { pads: r.zeroPadding, layers: r.zeroPaddingLayers };
  r.zeroPadding = null;
  r.zeroPaddingLayers = [];
  return taken;
}

function readConv(r: Reader, layer: KerasLayer, config: Config): void {
  const { name } = layer;
  const cls = 'Conv2D';
  spatialOnly(r, name, cls, 'Conv2D');
  const kernelSize = pair(config.kernelSize, 'kernelSize', name, cls);
  const strides = pair(config.strides ?? 1, 'strides', name, cls);
  const dilation = pair(config.dilationRate ?? 1, 'dilationRate', name, cls);
  if (dilation[0] !== 1 || dilation[1] !== 1) {
    throw new UnsupportedLayerError(name, cls, 'dilated convolution');
  }
  const padding = paddingMode(config.padding, null, name, cls);
  const act = activationOf(config.activation);
  if (act !== 'relu' && act !== 'linear') {
    throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
  }
  const weights = layer.getWeights();
  const kernelT = weights[0];
  if (!kernelT || kernelT.rank !== 4) {
    throw new UnsupportedLayerError(name, cls, 'missing 4-D kernel');
  }
  const [kh, kw, ci, co] = kernelT.shape as [number, number, number, number];
  if (kh !== kernelSize[0] || kw !== kernelSize[1] || ci !== r.shape[2]) {
    throw new UnsupportedLayerError(name, cls, 'kernel shape does not match its input');
  }
  const biasT = config.useBias === false ? undefined : weights[1];
  const zero = takeZeroPadding(r);
  // A folded ZeroPadding2D: the conv reads the unpadded map with the sum of both paddings.
  const g = slidingGeometry(r.shape, [kh, kw], strides, padding, zero.pads);
  const spec: ConvSpec = {
    kind: 'conv',
    info: layerInfo(r.pending.length, name, 'conv', g.out[0], g.out[1], co),
    inShape: g.inShape,
    relu: act === 'relu',
    sources: [...zero.layers, name],
    kernelSize: [kh, kw],
    strides,
    padding: g.padding,
    pads: g.pads,
    kernel: Float32Array.from(kernelT.dataSync()),
    bias: biasT ? Float32Array.from(biasT.dataSync()) : new Float32Array(co),
  };
  push(r, { spec, cls, hasRelu: spec.relu, softmax: null }, [g.out[0], g.out[1], co]);
}

function readPooling(r: Reader, layer: KerasLayer, config: Config, cls: string): void {
  const { name } = layer;
  spatialOnly(r, name, cls, 'pooling');
  const poolSize = pair(config.poolSize, 'poolSize', name, cls);
  const strides = pair(config.strides ?? config.poolSize, 'strides', name, cls);
  const padding = paddingMode(config.padding, 'valid', name, cls);
  const C = r.shape[2];
  if (cls === 'AveragePooling2D') {
    const zero = takeZeroPadding(r);
    const geometry = slidingGeometry(r.shape, poolSize, strides, padding, zero.pads);
    const spec = averagePoolingSpec({
      index: r.pending.length,
      name,
      shape: r.shape,
      poolSize,
      strides,
      padding,
      geometry,
      zeroPaddingLayers: zero.layers,
    });
    push(r, { spec, cls, hasRelu: false, softmax: null }, [geometry.out[0], geometry.out[1], C]);
    return;
  }
  const g = slidingGeometry(r.shape, poolSize, strides, padding, null);
  const spec: PoolSpec = {
    kind: 'pool',
    info: layerInfo(r.pending.length, name, 'pool', g.out[0], g.out[1], C),
    inShape: r.shape,
    relu: false,
    sources: [name],
    poolSize,
    strides,
    padding,
    pads: g.pads,
  };
  push(r, { spec, cls, hasRelu: false, softmax: null }, [g.out[0], g.out[1], C]);
}

/**
 * GlobalAveragePooling2D / GlobalMaxPooling2D. Keras' `keepDims` (output [1, 1, C] instead of
 * [C]) changes nothing here: either way the output is the C values in channel order, and what
 * follows reads them as a vector (tfjs-layers 4.x ignores keepDims and always returns [batch, C]).
 */
function readGlobalPooling(r: Reader, layer: KerasLayer, cls: string): void {
  const { name } = layer;
  spatialOnly(r, name, cls, 'global pooling');
  const C = r.shape[2];
  if (cls === 'GlobalMaxPooling2D') {
    const spec = globalMaxPoolingSpec(r.pending.length, name, r.shape);
    push(r, { spec, cls, hasRelu: false, softmax: null }, [1, 1, C]);
  } else {
    const { spec, scale } = globalAverageSpec(r.pending.length, name, r.shape);
    push(r, { spec, cls, hasRelu: false, softmax: null, meanScale: scale }, [1, 1, C]);
  }
  r.flat = true;
}

function readDense(r: Reader, layer: KerasLayer, config: Config): void {
  const { name } = layer;
  const cls = 'Dense';
  if (!r.flat && r.pending.length === 0) {
    throw new UnsupportedLayerError(name, cls, 'Dense on the image needs a Flatten first');
  }
  if (!r.flat && r.shape[0] * r.shape[1] !== 1) {
    throw new UnsupportedLayerError(name, cls, 'Dense on a spatial map needs a Flatten first');
  }
  const act = activationOf(config.activation);
  if (act !== 'relu' && act !== 'linear' && act !== 'softmax') {
    throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
  }
  const weights = layer.getWeights();
  const w = weights[0];
  const nIn = r.shape[0] * r.shape[1] * r.shape[2];
  if (!w || w.rank !== 2 || w.shape[0] !== nIn) {
    throw new UnsupportedLayerError(name, cls, 'weight shape does not match its input');
  }
  const units = w.shape[1] as number;
  const biasT = config.useBias === false ? undefined : weights[1];
  const bias = biasT ? Float32Array.from(biasT.dataSync()) : new Float32Array(units);
  const values = Float32Array.from(w.dataSync());
  const relu = act === 'relu';
  const softmax = act === 'softmax' ? { layer: name, cls } : null;
  const prev = r.pending[r.pending.length - 1];
  if (prev?.meanScale && !prev.hasRelu && prev.spec.kind === 'dense') {
    // A linear global average right before: one dense layer on the channel means.
    const spec = absorbGlobalAverage(prev.spec, prev.meanScale, {
      name,
      weights: values,
      bias,
      units,
      relu,
    });
    r.pending[r.pending.length - 1] = { spec, cls, hasRelu: relu, softmax };
  } else {
    const spec: DenseSpec = {
      kind: 'dense',
      info: layerInfo(r.pending.length, name, 'dense', 1, 1, units),
      inShape: r.shape,
      relu,
      sources: [name],
      weights: values,
      bias,
    };
    r.pending.push({ spec, cls, hasRelu: relu, softmax });
  }
  r.shape = [1, 1, units];
  r.flat = true;
}

function readActivation(r: Reader, layer: KerasLayer, config: Config, cls: string): void {
  const { name } = layer;
  let act: string;
  if (cls === 'ReLU') {
    const maxValue = config.maxValue;
    if (maxValue !== undefined && maxValue !== null) {
      throw new UnsupportedLayerError(name, cls, 'ReLU with maxValue');
    }
    act = 'relu';
  } else {
    act = activationOf(config.activation);
  }
  if (act === 'linear') return;
  const prev = r.pending[r.pending.length - 1];
  if (!prev) throw new UnsupportedLayerError(name, cls, 'activation before any layer');
  if (act === 'softmax') {
    if (prev.hasRelu) throw new UnsupportedLayerError(name, cls, 'softmax after ReLU');
    prev.softmax = { layer: name, cls };
    return;
  }
  if (act !== 'relu') {
    throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
  }
  if (!prev.hasRelu) {
    prev.spec.relu = true;
    prev.hasRelu = true;
  }
  prev.spec.sources.push(name);
}

function readBatchNorm(r: Reader, layer: KerasLayer, config: Config): void {
  const { name } = layer;
  const cls = 'BatchNormalization';
  const prev = r.pending[r.pending.length - 1];
  if (!prev || prev.spec.kind === 'pool' || prev.hasRelu) {
    throw new UnsupportedLayerError(
      name,
      cls,
      'BatchNormalization must directly follow a linear Conv2D, Dense, AveragePooling2D or ' +
        'GlobalAveragePooling2D to be folded',
    );
  }
  // tf.keras 2.x saves the axis as a list ([3]; tfjs-layers accepts it as it is): one axis, the
  // channels, either way. After a Dense on a 1×1 map Keras' tensor may still be 4-D (axis 3);
  // batchNormAffine checks that the statistics have one entry per channel.
  const raw = config.axis;
  const axis = Array.isArray(raw) && raw.length === 1 ? (raw[0] as unknown) : raw;
  if (axis !== -1 && axis !== 3 && !(r.flat && axis === 1)) {
    throw new UnsupportedLayerError(
      name,
      cls,
      `axis ${JSON.stringify(raw)} (only the channels axis: -1, or ${r.flat ? 1 : 3})`,
    );
  }
  const spec = prev.spec;
  const channels = spec.info.channels;
  const affine = batchNormAffine(layer, config, channels);
  // An unbuilt global average keeps one scale per channel (its weights are diagonal).
  const weights = prev.meanScale ?? (spec.kind === 'conv' ? spec.kernel : spec.weights);
  foldAffine(weights, spec.bias, channels, affine);
  spec.sources.push(name);
}

/** Checks that end the conversion: logits last, global averages built. */
function finish(r: Reader): LayerSpec[] {
  for (const p of r.pending) {
    if (p.meanScale && p.spec.kind === 'dense') buildMeanWeights(p.spec, p.meanScale);
  }
  const lastLayer = r.pending[r.pending.length - 1];
  if (!lastLayer || lastLayer.spec.kind !== 'dense') {
    throw new Error(
      'The model must end with a Dense layer (or a GlobalAveragePooling2D over one map per ' +
        'class) producing the class logits.',
    );
  }
  if (lastLayer.spec.relu) {
    throw new UnsupportedLayerError(
      lastLayer.spec.info.name,
      lastLayer.cls,
      'the last layer must be linear (or softmax): its outputs are the logits',
    );
  }
  lastLayer.spec.kind = 'logits';
  lastLayer.spec.info.kind = 'logits';
  return r.pending.map((p) => p.spec);
}

/**
 * Reads a tfjs LayersModel into a plain NetworkSpec. Throws UnsupportedLayerError naming the
 * first layer (and its class) that the engine cannot trace.
 */
export function specFromModel(model: LayersModel): NetworkSpec {
  const input = inputInfo(model);
  const r: Reader = {
    shape: [input.height, input.width, input.channels],
    flat: false,
    zeroPadding: null,
    zeroPaddingLayers: [],
    pending: [],
  };
  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const name = layer.name;
    const config = layer.getConfig() as Config;
    const prev = r.pending[r.pending.length - 1];
    if (prev?.softmax) {
      throw new UnsupportedLayerError(
        prev.softmax.layer,
        prev.softmax.cls,
        'softmax is only supported on the last layer (the engine traces the logits)',
      );
    }
    if (r.zeroPadding && !['Conv2D', 'AveragePooling2D', 'ZeroPadding2D'].includes(cls)) {
      throw new UnsupportedLayerError(
        r.zeroPaddingLayers[0] ?? name,
        'ZeroPadding2D',
        `zero padding is only supported directly before a Conv2D or an AveragePooling2D ` +
          `(here before ${cls} '${name}')`,
      );
    }
    const dataFormat = config.dataFormat;
    if (dataFormat !== undefined && dataFormat !== 'channelsLast') {
      throw new UnsupportedLayerError(name, cls, `dataFormat '${String(dataFormat)}'`);
    }
    switch (cls) {
      case 'InputLayer':
      case 'Dropout':
        break;
      case 'Flatten':
        r.flat = true;
        break;
      case 'ZeroPadding2D': {
        // Zeros around the image or a map: linear, no parameters, so it is folded into the next
        // Conv2D or AveragePooling2D as extra padding (docs/method.md, "Zero padding").
        spatialOnly(r, name, cls, 'ZeroPadding2D');
        const add = zeroPads(config.padding, name, cls);
        r.zeroPadding = r.zeroPadding ? sumPads(r.zeroPadding, add) : add;
        r.zeroPaddingLayers.push(name);
        const [H, W, C] = r.shape;
        r.shape = [H + add.top + add.bottom, W + add.left + add.right, C];
        break;
      }
      case 'Conv2D':
        readConv(r, layer, config);
        break;
      case 'MaxPooling2D':
      case 'AveragePooling2D':
        readPooling(r, layer, config, cls);
        break;
      case 'GlobalAveragePooling2D':
      case 'GlobalMaxPooling2D':
        readGlobalPooling(r, layer, cls);
        break;
      case 'Dense':
        readDense(r, layer, config);
        break;
      case 'Activation':
      case 'ReLU':
        readActivation(r, layer, config, cls);
        break;
      case 'BatchNormalization':
        readBatchNorm(r, layer, config);
        break;
      default:
        throw new UnsupportedLayerError(name, cls, SUPPORTED);
    }
  }
  return { input, layers: finish(r) };
}

/** Uploads a spec's parameters to the current backend. */
export function createNetwork(spec: NetworkSpec): Network {
  const tensors: LayerTensors[] = spec.layers.map((layer) => {
    if (layer.kind === 'conv') {
      const [kh, kw] = layer.kernelSize;
      const weights = tf.tensor4d(layer.kernel, [kh, kw, layer.inShape[2], layer.info.channels]);
      const backward = tf.tidy(() => tf.transpose(tf.reverse(weights, [0, 1]), [0, 1, 3, 2]));
      return { weights, bias: tf.tensor1d(layer.bias), backward };
    }
    if (layer.kind === 'pool') return { weights: null, bias: null, backward: null };
    return {
      weights: tf.tensor2d(layer.weights, [denseInputSize(layer), layer.info.channels]),
      bias: tf.tensor1d(layer.bias),
      backward: null,
    };
  });
  const lastLayer = spec.layers[spec.layers.length - 1];
  return { ...spec, tensors, classCount: lastLayer ? lastLayer.info.channels : 0 };
}

/** buildNetwork = createNetwork(specFromModel(model)). */
export function buildNetwork(model: LayersModel): Network {
  return createNetwork(specFromModel(model));
}

export function disposeNetwork(net: Network): void {
  for (const t of net.tensors) {
    t.weights?.dispose();
    t.bias?.dispose();
    t.backward?.dispose();
  }
}

/** Layer descriptions only (what PathwayQueryResult.layers carries). */
export function layerInfos(net: NetworkSpec): PathwayLayerInfo[] {
  return net.layers.map((l) => ({ ...l.info }));
}
