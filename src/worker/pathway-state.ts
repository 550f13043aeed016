// The pathway engine's per-model state inside the worker: the network built from the loaded
// model, and the gates of the last image (one forward pass), reused while the image stays the same
// so that clicking pixel after pixel costs only the diffusion itself.
import type * as tfl from '@tensorflow/tfjs-layers';
import { buildNetwork, computeGates, disposeNetwork, type Gates, type Network } from '../pathways';
import type { PathwaySupport } from '../model/summary-types';

export interface PathwayState {
  network: Network | null;
  support: PathwaySupport;
  gates: { image: Float32Array; gates: Gates } | null;
}

const NO_MODEL: PathwaySupport = { supported: false, reason: 'No model is loaded.' };

export function emptyPathwayState(): PathwayState {
  return { network: null, support: { ...NO_MODEL }, gates: null };
}

/** Builds the engine's network for a freshly loaded model, freeing the previous one. */
export function attachModel(state: PathwayState, model: tfl.LayersModel): PathwaySupport {
  releaseModel(state);
  try {
    state.network = buildNetwork(model);
    state.support = { supported: true };
  } catch (error) {
    state.support = {
      supported: false,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
  return state.support;
}

export function releaseModel(state: PathwayState): void {
  if (state.network) disposeNetwork(state.network);
  state.network = null;
  state.gates = null;
  state.support = { ...NO_MODEL };
}

/** The engine's network of the loaded model, or an error saying why there is none. */
export function networkOf(state: PathwayState): Network {
  if (state.network) return state.network;
  throw new Error(
    state.support.supported
      ? 'No model is loaded.'
      : `Pathways are unavailable for this model: ${state.support.reason}`,
  );
}

function sameImage(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function gatesFor(
  state: PathwayState,
  image: Float32Array,
): Promise<{ network: Network; gates: Gates }> {
  const network = networkOf(state);
  if (state.gates && sameImage(state.gates.image, image))
    return { network, gates: state.gates.gates };
  const gates = await computeGates(network, image);
  state.gates = { image: image.slice(), gates };
  return { network, gates };
}
