// Model → engine conversion: a validated sequential description of the network whose pathways we
// trace. One description serves every caller (worker, main-thread fallback, Node scripts, tests).
//
// Supported Keras layers (tfjs-layers class names): Conv2D (any kernel, stride, 'same'/'valid',
// ReLU or linear), ZeroPadding2D directly before a Conv2D (folded into its padding), MaxPooling2D, Flatten, Dense (ReLU or linear), Dropout (identity at inference),
// Activation('relu' | 'linear'), ReLU (no maxValue), inference-mode BatchNormalization (folded into
// the preceding Conv2D or Dense), InputLayer. A softmax on the very last layer is dropped: the
// engine works on the logits (pre-softmax). Anything else throws an error naming the layer.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { InputInfo, PathwayLayerInfo, PathwayLayerKind } from './types';

/** Explicit zero padding (TensorFlow's 'same' rule: the extra row/col goes bottom/right). */
export interface Pads {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SpecBase {
  info: PathwayLayerInfo;
  /** Input shape [H, W, C] of this pathway layer (for dense: the flattened predecessor's shape). */
  inShape: [number, number, number];
  /** Whether a ReLU gate M = [z > 0] follows (folded from the layer's activation or a ReLU layer). */
  relu: boolean;
  /** Keras layers merged into this pathway layer, in order (e.g. conv1, bn1, relu1). */
  sources: string[];
}

/** tfjs's explicit padding: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [
  [number, number],
  [number, number],
  [number, number],
  [number, number],
];

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

export interface ConvSpec extends SlidingSpec {
  kind: 'conv';
  kernelSize: [number, number];
  /** Kernel [kh, kw, C_in, C_out] row-major (Keras layout), BN folded in. */
  kernel: Float32Array;
  /** Bias [C_out] (zeros when the layer has none), BN folded in. */
  bias: Float32Array;
}

export interface PoolSpec extends SlidingSpec {
  kind: 'pool';
  poolSize: [number, number];
}

export interface DenseSpec extends SpecBase {
  kind: 'dense' | 'logits';
  /** Weights [N_in, N_out] row-major; input index of NHWC predecessor = (r * W + c) * C + ch. */
  weights: Float32Array;
  bias: Float32Array;
}

export type LayerSpec = ConvSpec | PoolSpec | DenseSpec;

/** Plain-data network description (no tensors): serialisable and transferable. */
export interface NetworkSpec {
  input: InputInfo;
  layers: LayerSpec[];
}

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

export class UnsupportedLayerError extends Error {
  constructor(
    readonly layerName: string,
    readonly className: string,
    reason: string,
  ) {
    super(`Unsupported layer '${layerName}' (${className}): ${reason}`);
    this.name = 'UnsupportedLayerError';
  }
}

/** TensorFlow's padding rule for one spatial dimension. */
function samePadding(
  inSize: number,
  k: number,
  s: number,
): { out: number; before: number; after: number } {
  const out = Math.ceil(inSize / s);
  const total = Math.max((out - 1) * s + k - inSize, 0);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

/** Output size and pads of a conv/pool window op in one dimension. */
function windowGeometry(
  inSize: number,
  k: number,
  s: number,
  padding: 'same' | 'valid',
): { out: number; before: number; after: number } {
  if (padding === 'same') return samePadding(inSize, k, s);
  const out = Math.floor((inSize - k) / s) + 1;
  return { out, before: 0, after: 0 };
}

function pair(value: unknown, what: string, layer: string, cls: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    return [value[0] as number, value[1] as number];
  }
  throw new UnsupportedLayerError(layer, cls, `cannot read ${what} ${JSON.stringify(value)}`);
}

function activationName(value: unknown): string {
  if (value === undefined || value === null) return 'linear';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'className' in value) {
    return String((value as { className: unknown }).className);
  }
  return String(value);
}

function normaliseActivation(name: string): 'relu' | 'linear' | 'softmax' | string {
  const lower = name.toLowerCase();
  if (lower === 'relu') return 'relu';
  if (lower === 'linear') return 'linear';
  if (lower === 'softmax') return 'softmax';
  return name;
}

function sumPads(a: Pads, b: Pads): Pads {
  return {
    top: a.top + b.top,
    bottom: a.bottom + b.bottom,
    left: a.left + b.left,
    right: a.right + b.right,
  };
}

function explicitPadding(p: Pads): ExplicitPadding {
  return [
    [0, 0],
    [p.top, p.bottom],
    [p.left, p.right],
    [0, 0],
  ];
}

/** Keras' ZeroPadding2D `padding`: n, [h, w] or [[top, bottom], [left, right]]. */
function zeroPads(value: unknown, layer: string, cls: string): Pads {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (ok(value)) return { top: value, bottom: value, left: value, right: value };
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value as unknown[];
    if (ok(h) && ok(w)) return { top: h, bottom: h, left: w, right: w };
    if (Array.isArray(h) && Array.isArray(w) && h.length === 2 && w.length === 2) {
      const [t, b] = h as unknown[];
      const [l, r] = w as unknown[];
      if (ok(t) && ok(b) && ok(l) && ok(r)) return { top: t, bottom: b, left: l, right: r };
    }
  }
  throw new UnsupportedLayerError(layer, cls, `cannot read padding ${JSON.stringify(value)}`);
}

interface PendingLayer {
  spec: LayerSpec;
  /** A bias was folded into or out of this layer; BN may only follow before any ReLU. */
  hasRelu: boolean;
  softmax: { layer: string; cls: string } | null;
}

/**
 * Reads a tfjs LayersModel into a plain NetworkSpec. Throws UnsupportedLayerError naming the
 * first layer (and its class) that the engine cannot trace.
 */
export function specFromModel(model: LayersModel): NetworkSpec {
  const inShape = model.inputs[0]?.shape;
  if (!inShape || inShape.length !== 4 || inShape.slice(1).some((d) => d === null)) {
    throw new Error(
      `The model input must be an image [batch, height, width, channels]; got ${JSON.stringify(inShape)}.`,
    );
  }
  const input: InputInfo = {
    height: inShape[1] as number,
    width: inShape[2] as number,
    channels: inShape[3] as number,
  };
  let shape: [number, number, number] = [input.height, input.width, input.channels];
  let flat = false; // true once a Flatten (or Dense) has produced a vector
  // ZeroPadding2D layers waiting to be folded into the next Conv2D.
  let zeroPadding: Pads | null = null;
  let zeroPaddingLayers: string[] = [];
  const pending: PendingLayer[] = [];
  const last = (): PendingLayer | undefined => pending[pending.length - 1];

  for (const layer of model.layers) {
    const cls = layer.getClassName();
    const name = layer.name;
    const config = layer.getConfig() as Record<string, unknown>;
    const prev = last();
    if (prev?.softmax) {
      throw new UnsupportedLayerError(
        prev.softmax.layer,
        prev.softmax.cls,
        'softmax is only supported on the last layer (the engine traces the logits)',
      );
    }
    if (zeroPadding && cls !== 'Conv2D' && cls !== 'ZeroPadding2D') {
      throw new UnsupportedLayerError(
        zeroPaddingLayers[0] ?? name,
        'ZeroPadding2D',
        `zero padding is only supported directly before a Conv2D (here before ${cls} '${name}')`,
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
        flat = true;
        break;
      case 'ZeroPadding2D': {
        // Zeros around the image or a map: linear, no parameters, so it is folded into the next
        // Conv2D as extra padding (docs/method.md, "Zero padding"); that conv sees the padded map.
        if (flat) throw new UnsupportedLayerError(name, cls, 'ZeroPadding2D after Flatten/Dense');
        const add = zeroPads(config.padding, name, cls);
        zeroPadding = zeroPadding ? sumPads(zeroPadding, add) : add;
        zeroPaddingLayers.push(name);
        shape = [shape[0] + add.top + add.bottom, shape[1] + add.left + add.right, shape[2]];
        break;
      }
      case 'Conv2D': {
        if (flat) throw new UnsupportedLayerError(name, cls, 'Conv2D after Flatten/Dense');
        const kernelSize = pair(config.kernelSize, 'kernelSize', name, cls);
        const strides = pair(config.strides ?? 1, 'strides', name, cls);
        const dilation = pair(config.dilationRate ?? 1, 'dilationRate', name, cls);
        if (dilation[0] !== 1 || dilation[1] !== 1) {
          throw new UnsupportedLayerError(name, cls, 'dilated convolution');
        }
        const padding = config.padding;
        if (padding !== 'same' && padding !== 'valid') {
          throw new UnsupportedLayerError(name, cls, `padding '${String(padding)}'`);
        }
        const act = normaliseActivation(activationName(config.activation));
        if (act !== 'relu' && act !== 'linear') {
          throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
        }
        const weights = layer.getWeights();
        const kernelT = weights[0];
        if (!kernelT || kernelT.rank !== 4) {
          throw new UnsupportedLayerError(name, cls, 'missing 4-D kernel');
        }
        const [kh, kw, ci, co] = kernelT.shape as [number, number, number, number];
        if (kh !== kernelSize[0] || kw !== kernelSize[1] || ci !== shape[2]) {
          throw new UnsupportedLayerError(name, cls, 'kernel shape does not match its input');
        }
        const biasT = config.useBias === false ? undefined : weights[1];
        const gh = windowGeometry(shape[0], kh, strides[0], padding);
        const gw = windowGeometry(shape[1], kw, strides[1], padding);
        const own: Pads = { top: gh.before, bottom: gh.after, left: gw.before, right: gw.after };
        // A folded ZeroPadding2D: the conv reads the unpadded map with the sum of both paddings.
        const folded = zeroPadding;
        const pads = folded ? sumPads(own, folded) : own;
        const inputShape: [number, number, number] = folded
          ? [shape[0] - folded.top - folded.bottom, shape[1] - folded.left - folded.right, shape[2]]
          : shape;
        const spec: ConvSpec = {
          kind: 'conv',
          info: info(pending.length, name, 'conv', gh.out, gw.out, co),
          inShape: inputShape,
          relu: act === 'relu',
          sources: [...zeroPaddingLayers, name],
          kernelSize: [kh, kw],
          strides,
          padding: folded ? explicitPadding(pads) : padding,
          pads,
          kernel: Float32Array.from(kernelT.dataSync()),
          bias: biasT ? Float32Array.from(biasT.dataSync()) : new Float32Array(co),
        };
        pending.push({ spec, hasRelu: spec.relu, softmax: null });
        shape = [gh.out, gw.out, co];
        zeroPadding = null;
        zeroPaddingLayers = [];
        break;
      }
      case 'MaxPooling2D': {
        if (flat) throw new UnsupportedLayerError(name, cls, 'pooling after Flatten/Dense');
        const poolSize = pair(config.poolSize, 'poolSize', name, cls);
        const strides = pair(config.strides ?? config.poolSize, 'strides', name, cls);
        const padding = config.padding ?? 'valid';
        if (padding !== 'same' && padding !== 'valid') {
          throw new UnsupportedLayerError(name, cls, `padding '${String(padding)}'`);
        }
        const gh = windowGeometry(shape[0], poolSize[0], strides[0], padding);
        const gw = windowGeometry(shape[1], poolSize[1], strides[1], padding);
        const spec: PoolSpec = {
          kind: 'pool',
          info: info(pending.length, name, 'pool', gh.out, gw.out, shape[2]),
          inShape: shape,
          relu: false,
          sources: [name],
          poolSize,
          strides,
          padding,
          pads: { top: gh.before, bottom: gh.after, left: gw.before, right: gw.after },
        };
        pending.push({ spec, hasRelu: false, softmax: null });
        shape = [gh.out, gw.out, shape[2]];
        break;
      }
      case 'Dense': {
        if (!flat && pending.length > 0 && shape[0] * shape[1] !== 1) {
          throw new UnsupportedLayerError(
            name,
            cls,
            'Dense on a spatial map needs a Flatten first',
          );
        }
        if (!flat && pending.length === 0) {
          throw new UnsupportedLayerError(name, cls, 'Dense on the image needs a Flatten first');
        }
        const act = normaliseActivation(activationName(config.activation));
        if (act !== 'relu' && act !== 'linear' && act !== 'softmax') {
          throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
        }
        const weights = layer.getWeights();
        const w = weights[0];
        const nIn = shape[0] * shape[1] * shape[2];
        if (!w || w.rank !== 2 || w.shape[0] !== nIn) {
          throw new UnsupportedLayerError(name, cls, 'weight shape does not match its input');
        }
        const units = w.shape[1] as number;
        const biasT = config.useBias === false ? undefined : weights[1];
        const spec: DenseSpec = {
          kind: 'dense',
          info: info(pending.length, name, 'dense', 1, 1, units),
          inShape: shape,
          relu: act === 'relu',
          sources: [name],
          weights: Float32Array.from(w.dataSync()),
          bias: biasT ? Float32Array.from(biasT.dataSync()) : new Float32Array(units),
        };
        pending.push({
          spec,
          hasRelu: spec.relu,
          softmax: act === 'softmax' ? { layer: name, cls } : null,
        });
        shape = [1, 1, units];
        flat = true;
        break;
      }
      case 'Activation':
      case 'ReLU': {
        let act: string;
        if (cls === 'ReLU') {
          const maxValue = config.maxValue;
          if (maxValue !== undefined && maxValue !== null) {
            throw new UnsupportedLayerError(name, cls, 'ReLU with maxValue');
          }
          act = 'relu';
        } else {
          act = normaliseActivation(activationName(config.activation));
        }
        if (act === 'linear') break;
        if (!prev) throw new UnsupportedLayerError(name, cls, 'activation before any layer');
        if (act === 'softmax') {
          if (prev.hasRelu) throw new UnsupportedLayerError(name, cls, 'softmax after ReLU');
          prev.softmax = { layer: name, cls };
          break;
        }
        if (act !== 'relu') {
          throw new UnsupportedLayerError(name, cls, `activation '${act}' (only relu, linear)`);
        }
        if (!prev.hasRelu) {
          prev.spec.relu = true;
          prev.hasRelu = true;
        }
        prev.spec.sources.push(name);
        break;
      }
      case 'BatchNormalization': {
        if (!prev || prev.spec.kind === 'pool' || prev.hasRelu) {
          throw new UnsupportedLayerError(
            name,
            cls,
            'BatchNormalization must directly follow a linear Conv2D or Dense to be folded',
          );
        }
        const axis = config.axis;
        if (axis !== -1 && axis !== 3 && !(flat && axis === 1)) {
          throw new UnsupportedLayerError(name, cls, `axis ${String(axis)} (only channels)`);
        }
        foldBatchNorm(prev.spec, layer, config, name, cls);
        prev.spec.sources.push(name);
        break;
      }
      default:
        throw new UnsupportedLayerError(
          name,
          cls,
          'supported: Conv2D, ZeroPadding2D before a Conv2D, MaxPooling2D, Flatten, Dense, Dropout, ReLU/Activation, BatchNormalization',
        );
    }
  }

  const lastLayer = last();
  if (!lastLayer || lastLayer.spec.kind !== 'dense') {
    throw new Error('The model must end with a Dense layer producing the class logits.');
  }
  if (lastLayer.spec.relu) {
    throw new UnsupportedLayerError(
      lastLayer.spec.info.name,
      'Dense',
      'the last Dense must be linear (or softmax): its output are the logits',
    );
  }
  lastLayer.spec.kind = 'logits';
  lastLayer.spec.info.kind = 'logits';
  return { input, layers: pending.map((p) => p.spec) };
}

function info(
  index: number,
  name: string,
  kind: PathwayLayerKind,
  height: number,
  width: number,
  channels: number,
): PathwayLayerInfo {
  return { index, name, kind, height, width, channels };
}

function foldBatchNorm(
  spec: LayerSpec,
  layer: LayersModel['layers'][number],
  config: Record<string, unknown>,
  name: string,
  cls: string,
): void {
  if (spec.kind === 'pool') throw new UnsupportedLayerError(name, cls, 'BN after pooling');
  const channels = spec.info.channels;
  const byName = new Map<string, Float32Array>();
  for (const [i, w] of layer.weights.entries()) {
    const short = w.originalName.split('/').pop() ?? w.originalName;
    const values = layer.getWeights()[i];
    if (values) byName.set(short.replace(/_\d+$/, ''), Float32Array.from(values.dataSync()));
  }
  const mean = byName.get('moving_mean');
  const variance = byName.get('moving_variance');
  if (!mean || !variance) throw new UnsupportedLayerError(name, cls, 'missing moving statistics');
  const gamma = config.scale === false ? undefined : byName.get('gamma');
  const beta = config.center === false ? undefined : byName.get('beta');
  const epsilon = typeof config.epsilon === 'number' ? config.epsilon : 1e-3;
  const weights = spec.kind === 'conv' ? spec.kernel : spec.weights;
  for (let k = 0; k < channels; k++) {
    const scale = (gamma ? gamma[k]! : 1) / Math.sqrt(variance[k]! + epsilon);
    for (let i = k; i < weights.length; i += channels) weights[i] = weights[i]! * scale;
    spec.bias[k] = (spec.bias[k]! - mean[k]!) * scale + (beta ? beta[k]! : 0);
  }
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
    const nIn = layer.inShape[0] * layer.inShape[1] * layer.inShape[2];
    return {
      weights: tf.tensor2d(layer.weights, [nIn, layer.info.channels]),
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
