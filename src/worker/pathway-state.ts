// The pathway engine's per-model state inside the worker: the network built from the loaded
// model, and the gates of the last image (one forward pass), reused while the image stays the same
// so that clicking pixel after pixel costs only the diffusion itself.
import type * as tfl from '@tensorflow/tfjs-layers';
import {
  buildNetwork,
  computeGates,
  disposeNetwork,
  QueryCache,
  UnsupportedLayerError,
  type Gates,
  type Network,
} from '../pathways';
import { chainBreak } from '../model/layer-chain';
import type { PathwaySupport } from '../model/summary-types';
import { KeptImages } from './kept-images';

export interface PathwayState {
  network: Network | null;
  support: PathwaySupport;
  /** `key`: the image's key when a request named one (kept-images.ts). */
  gates: { image: Float32Array; key?: string; gates: Gates } | null;
  /** Images sent once and named by key afterwards; they outlive a model switch. */
  images: KeptImages;
  /** The gates' tensors and the class gradients of `gates`, between pixel queries. */
  queryCache: QueryCache;
}

const NO_MODEL: PathwaySupport = { supported: false, reason: 'No model is loaded.' };

export function emptyPathwayState(): PathwayState {
  return {
    network: null,
    support: { ...NO_MODEL },
    gates: null,
    images: new KeptImages(),
    queryCache: new QueryCache(),
  };
}

/** Why the engine cannot trace `model`, naming the layer that stops it where one does. */
function unsupported(error: unknown): PathwaySupport {
  if (error instanceof UnsupportedLayerError) {
    return {
      supported: false,
      reason: error.message,
      layer: { name: error.layerName, className: error.className },
    };
  }
  return { supported: false, reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Builds the engine's network for a freshly loaded model, freeing the previous one. A model the
 * engine cannot trace still predicts; its support says why pathways are unavailable.
 */
export function attachModel(state: PathwayState, model: tfl.LayersModel): PathwaySupport {
  releaseModel(state);
  const branches = chainBreak(model);
  if (branches) {
    state.support = { supported: false, reason: branches.reason, layer: branches.layer };
    return state.support;
  }
  try {
    state.network = buildNetwork(model);
    state.support = { supported: true };
  } catch (error) {
    state.support = unsupported(error);
  }
  return state.support;
}

export function releaseModel(state: PathwayState): void {
  state.queryCache.clear();
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

/**
 * The gates of `image`, computed once per image. A request that names its image by `key` is
 * matched by the key alone: no element-by-element comparison on every click of the same image.
 */
export async function gatesFor(
  state: PathwayState,
  image: Float32Array,
  key?: string,
): Promise<{ network: Network; gates: Gates }> {
  const network = networkOf(state);
  const cached = state.gates;
  if (cached && key !== undefined && cached.key === key) return { network, gates: cached.gates };
  if (cached && sameImage(cached.image, image)) {
    if (key !== undefined) cached.key = key;
    return { network, gates: cached.gates };
  }
  const gates = await computeGates(network, image);
  state.queryCache.clear();
  state.gates = { image: image.slice(), key, gates };
  return { network, gates };
}
