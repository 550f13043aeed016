/**
 * The default example's pathways, computed ahead of time (scripts/precompute-default.ts) and
 * shipped as public/precomputed/<model>-default.json, so the first paint shows a real Sankey and
 * class panel while TensorFlow.js and the model are still loading.
 *
 * The file holds one PixelQueryResult without its diffusion maps (the feature-map panel waits for
 * the live model), the class probabilities and the per-class relevance of the image's non-zero
 * pixels (zero pixels have R = 0 exactly). Numbers are rounded to 6 significant digits: ~1e-6
 * relative, below what the views can show, and the flows still balance to ~1e-7 logit units.
 */
import type { ImageForward, PathwayLayerInfo, PixelQueryResult } from '../pathways/types';
import type { PixelRegion } from './selection';

export const PRECOMPUTED_FORMAT = 'pathway-lens/precomputed@1';
const PRECOMPUTED_DIGITS = 6;

/** The JSON file, as written. */
export interface PrecomputedFile {
  format: typeof PRECOMPUTED_FORMAT;
  /** Built-in model id and gallery sample the example shows. */
  model: string;
  sample: number;
  /** The selection, in the link's `px` form. */
  px: string;
  /** How it was made, for people reading the file. */
  note: string;
  result: {
    pixels: number[];
    classIndex: number;
    input: PixelQueryResult['input'];
    layers: PathwayLayerInfo[];
    sizes: Array<{ signed: number[]; positive: number[]; l1: number[] }>;
    nodeFlow: number[][];
    edgeFlow: number[][];
    inputFlow: number[];
    relevance: number;
    chains: Array<{ maps: number[]; flow: number }>;
    beamWidth: number;
    maxConservationError: number;
  };
  probabilities: number[];
  prediction: number;
  /** Per-class relevance of `pixels` (every other pixel is 0): values[c][i] = R_c(pixels[i]). */
  classRelevance: { pixels: number[]; values: number[][] };
}

/** The file, revived for the app. */
export interface PrecomputedView {
  modelId: string;
  sample: number;
  region: PixelRegion;
  /** The selection's pixels, sorted (as the engine returns them). */
  pixels: number[];
  result: PixelQueryResult;
  /** Probabilities and relevance for the class panel; `activations` is empty (not shipped). */
  forward: ImageForward;
}

function roundTo(v: number, digits = PRECOMPUTED_DIGITS): number {
  return v === 0 || !Number.isFinite(v) ? 0 : Number(v.toPrecision(digits));
}

const round = (a: ArrayLike<number>): number[] => Array.from(a, (v) => roundTo(v));

/** The file for one query and the image's forward data (used by the script and its test). */
export function encodePrecomputed(
  meta: { model: string; sample: number; px: string; note: string },
  result: PixelQueryResult,
  forward: ImageForward,
): PrecomputedFile {
  const HW = forward.input.height * forward.input.width;
  const pixels: number[] = [];
  for (let p = 0; p < HW; p++) {
    let any = false;
    for (let c = 0; c < forward.classCount; c++) any ||= forward.relevance[c * HW + p] !== 0;
    if (any) pixels.push(p);
  }
  return {
    format: PRECOMPUTED_FORMAT,
    ...meta,
    result: {
      pixels: [...result.pixels],
      classIndex: result.classIndex,
      input: { ...result.input },
      layers: result.layers.map((l) => ({ ...l })),
      sizes: result.sizes.map((s) => ({
        signed: round(s.signed),
        positive: round(s.positive),
        l1: round(s.l1),
      })),
      nodeFlow: result.nodeFlow.map(round),
      edgeFlow: result.edgeFlow.map(round),
      inputFlow: round(result.inputFlow),
      relevance: roundTo(result.relevance),
      chains: result.chains.map((c) => ({ maps: [...c.maps], flow: roundTo(c.flow) })),
      beamWidth: result.beamWidth,
      maxConservationError: roundTo(result.maxConservationError, 2),
    },
    probabilities: round(forward.probabilities),
    prediction: forward.prediction,
    classRelevance: {
      pixels,
      values: Array.from({ length: forward.classCount }, (_, c) =>
        pixels.map((p) => roundTo(forward.relevance[c * HW + p] ?? 0)),
      ),
    },
  };
}
