// Folding an inference-mode BatchNormalization into the linear layer before it (docs/method.md,
// "The network"): BN is y_k = γ_k (x_k − μ_k) / √(σ²_k + ε) + β_k = s_k x_k + t_k per channel, so
// the layer's weights into channel k are scaled by s_k and its bias becomes b_k s_k + t_k.
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { UnsupportedLayerError } from './keras-config';

/** The per-channel affine map y_k = scale_k · x_k + shift_k of a BatchNormalization layer. */
export interface ChannelAffine {
  scale: Float32Array;
  shift: Float32Array;
}

export function batchNormAffine(
  layer: LayersModel['layers'][number],
  config: Record<string, unknown>,
  channels: number,
): ChannelAffine {
  const name = layer.name;
  const cls = layer.getClassName();
  const byName = new Map<string, Float32Array>();
  const values = layer.getWeights();
  for (const [i, w] of layer.weights.entries()) {
    const short = w.originalName.split('/').pop() ?? w.originalName;
    const v = values[i];
    if (v) byName.set(short.replace(/_\d+$/, ''), Float32Array.from(v.dataSync()));
  }
  const mean = byName.get('moving_mean');
  const variance = byName.get('moving_variance');
  if (!mean || !variance) throw new UnsupportedLayerError(name, cls, 'missing moving statistics');
  if (mean.length !== channels || variance.length !== channels) {
    throw new UnsupportedLayerError(
      name,
      cls,
      `it normalises ${mean.length} channels, but the layer before it has ${channels}`,
    );
  }
  const gamma = config.scale === false ? undefined : byName.get('gamma');
  const beta = config.center === false ? undefined : byName.get('beta');
  const epsilon = typeof config.epsilon === 'number' ? config.epsilon : 1e-3;
  const scale = new Float32Array(channels);
  const shift = new Float32Array(channels);
  for (let k = 0; k < channels; k++) {
    scale[k] = (gamma ? gamma[k]! : 1) / Math.sqrt(variance[k]! + epsilon);
    shift[k] = (beta ? beta[k]! : 0) - mean[k]! * scale[k]!;
  }
  return { scale, shift };
}

/**
 * Applies `affine` after a linear layer, in place: `weights` holds output channel k at every
 * index ≡ k (mod channels) (a conv kernel [kh,kw,Ci,Co], a dense matrix [N,Co], or one entry per
 * channel), `bias` is [channels].
 */
export function foldAffine(
  weights: Float32Array,
  bias: Float32Array,
  channels: number,
  affine: ChannelAffine,
): void {
  for (let k = 0; k < channels; k++) {
    const s = affine.scale[k]!;
    for (let i = k; i < weights.length; i += channels) weights[i] = weights[i]! * s;
    bias[k] = bias[k]! * s + affine.shift[k]!;
  }
}
