// The per-image data the visualizer's panels need besides pixel queries: the forward activations
// (already in the gates) and every pixel's relevance for every class, by one batched backward pass
// (10 seeds) instead of the whole-image statistics, which also compute every pixel's diffusion.
import * as tf from '@tensorflow/tfjs-core';
import { uploadGates } from './device';
import { classGradients } from './gradient';
import { layerInfos, type Network } from './network';
import type { Gates, ImageForward } from './types';

/** relevance[c * HW + p] = Σ_ch x[p,ch] · ∂z_c/∂x[p,ch] with the gates fixed, for every class. */
export async function classRelevance(net: Network, gates: Gates): Promise<Float32Array> {
  const { height: H, width: W, channels: C } = gates.input;
  const K = net.classCount;
  const gt = uploadGates(net, gates);
  try {
    const t = tf.tidy(() => {
      const classes = Array.from({ length: K }, (_, c) => c);
      const g = classGradients(net, gates, gt, classes).input; // [K,H,W,C]
      const x = tf.tensor4d(gates.image, [1, H, W, C]);
      return tf.sum(tf.reshape(tf.mul(g, x), [K, H * W, C]), 2);
    });
    try {
      return Float32Array.from(await t.data());
    } finally {
      t.dispose();
    }
  } finally {
    gt.dispose();
  }
}

/**
 * Activations and relevance of one image. The activations are copies: results are posted with
 * their buffers transferred, and the gates stay cached for the next query.
 */
export async function imageForward(net: Network, gates: Gates): Promise<ImageForward> {
  const relevance = await classRelevance(net, gates);
  return {
    input: { ...gates.input },
    layers: layerInfos(net),
    activations: gates.activation.map((a) => Float32Array.from(a)),
    relevance,
    classCount: net.classCount,
    probabilities: Float32Array.from(gates.probabilities),
    prediction: gates.prediction,
  };
}
