// Independent checks used by the identity tests on every network (tiny, variants, shipped MNIST).
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { NetworkSpec } from '../network';

/**
 * The Keras model's forward pass rebuilt from its layers' configs and weights with plain
 * (unfused) ops, so that tf.grad works on every backend (wasm has no filter-gradient kernel,
 * which the fused conv's gradient always calls). BatchNormalization is applied unfolded.
 */
function plainLayer(layer: LayersModel['layers'][number], x: tf.Tensor): tf.Tensor {
  const cls = layer.getClassName();
  const config = layer.getConfig() as Record<string, unknown>;
  const w = layer.getWeights();
  const act = (t: tf.Tensor, a: unknown) => (a === 'relu' ? tf.relu(t) : t);
  switch (cls) {
    case 'Conv2D': {
      const z = tf.conv2d(
        x as tf.Tensor4D,
        w[0] as tf.Tensor4D,
        config.strides as [number, number],
        config.padding as 'same' | 'valid',
      );
      return act(config.useBias === false ? z : tf.add(z, w[1]!), config.activation);
    }
    case 'Dense': {
      const z = tf.matMul(x as tf.Tensor2D, w[0] as tf.Tensor2D);
      const a = config.activation === 'softmax' ? 'linear' : config.activation;
      return act(config.useBias === false ? z : tf.add(z, w[1]!), a);
    }
    case 'MaxPooling2D':
      return tf.maxPool(
        x as tf.Tensor4D,
        config.poolSize as [number, number],
        config.strides as [number, number],
        config.padding as 'same' | 'valid',
      );
    case 'AveragePooling2D':
      return tf.avgPool(
        x as tf.Tensor4D,
        config.poolSize as [number, number],
        config.strides as [number, number],
        config.padding as 'same' | 'valid',
      );
    case 'GlobalAveragePooling2D':
      return tf.mean(x, [1, 2]);
    case 'GlobalMaxPooling2D':
      return tf.max(x, [1, 2]);
    case 'Flatten':
      return tf.reshape(x, [x.shape[0]!, -1]);
    case 'ZeroPadding2D': {
      const p = config.padding as number | [number, number] | [[number, number], [number, number]];
      const [h, w2] = typeof p === 'number' ? [p, p] : p;
      const pair = (v: number | [number, number]): [number, number] =>
        typeof v === 'number' ? [v, v] : v;
      return tf.pad(x, [[0, 0], pair(h), pair(w2), [0, 0]]);
    }
    case 'ReLU':
      return tf.relu(x);
    case 'Activation':
      return act(x, config.activation);
    case 'Dropout':
      return x;
    case 'BatchNormalization': {
      const byName = new Map(
        layer.weights.map((v, i) => [v.originalName.split('/').pop()!, w[i]!]),
      );
      return tf.batchNorm(
        x,
        byName.get('moving_mean')!,
        byName.get('moving_variance')!,
        byName.get('beta'),
        byName.get('gamma'),
        config.epsilon as number,
      );
    }
    default:
      throw new Error(`plainLayer: ${cls}`);
  }
}

/**
 * Definition 4's identity, computed independently through autodiff of the ORIGINAL Keras layers:
 * result[l][p * C_l + k] = Σ_ch x[p,ch] · ∂(Σ_uv h_l[u,v,k]) / ∂x[p,ch], for `layers` (default all).
 */
export function gradTimesInput(
  model: LayersModel,
  spec: NetworkSpec,
  image: Float32Array,
  layers: number[] = spec.layers.map((_, l) => l),
): Map<number, Float32Array> {
  const { height: H, width: W, channels: C } = spec.input;
  const names = model.layers.map((layer) => layer.name);
  const out = new Map<number, Float32Array>();
  for (const l of layers) {
    const layer = spec.layers[l]!;
    const lastSource = layer.sources[layer.sources.length - 1]!;
    const upto = names.indexOf(lastSource);
    if (upto < 0) throw new Error(`layer ${lastSource} not in the model`);
    const Cl = layer.info.channels;
    const result = new Float32Array(H * W * Cl);
    for (let k = 0; k < Cl; k++) {
      const values = tf.tidy(() => {
        const x = tf.tensor4d(image, [1, H, W, C]);
        const f = (input: tf.Tensor): tf.Scalar => {
          let t = input;
          for (let i = 0; i <= upto; i++) t = plainLayer(model.layers[i]!, t);
          const flat = tf.reshape(t, [-1, Cl]);
          return tf.sum(tf.slice(flat, [0, k], [-1, 1]));
        };
        const g = tf.grad(f)(x);
        return tf.sum(tf.reshape(tf.mul(g, x), [H * W, C]), 1);
      });
      const data = values.dataSync();
      values.dispose();
      for (let p = 0; p < H * W; p++) result[p * Cl + k] = data[p]!;
    }
    out.set(l, result);
  }
  return out;
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  return m;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
