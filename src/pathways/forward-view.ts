// The per-image data the visualizer's panels need besides pixel queries: the forward activations
// (already in the gates) and every pixel's relevance for every class, by one batched backward pass
// (gradient.ts) instead of the whole-image statistics, which also compute every pixel's diffusion.
import { uploadGates } from './device';
import { classRelevance } from './gradient';
import { layerInfos, type Network } from './network';
import type { Gates, ImageForward } from './types';

/**
 * Activations and relevance of one image. The activations are copies: results are posted with
 * their buffers transferred, and the gates stay cached for the next query.
 */
export async function imageForward(net: Network, gates: Gates): Promise<ImageForward> {
  const gt = uploadGates(net, gates);
  let relevance: Float32Array;
  try {
    relevance = await classRelevance(net, gates, gt);
  } finally {
    gt.dispose();
  }
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
