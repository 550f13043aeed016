// Selectors of the compare mode: what B is (image, pixels, class) given the kind of comparison,
// the key of B's query, and whether B's answer fits what is on screen. A is the ordinary view
// (selectors-view.ts). Like the other selectors, each returns store data or a primitive.
import type { PixelQueryResult } from '../pathways/types';
import { regionPixels, type PixelRegion } from '../lib/selection';
import { sameShape, type InputShape } from './input-shape';
import type { AppState } from './types';

/**
 * B's image: its own in an image comparison (while it fits the model's input: a link's or the
 * previous model's image of another size is not B), else A's.
 */
export function compareImagePixels(s: AppState): Float32Array | null {
  if (!s.compare.kind) return null;
  if (s.compare.kind !== 'images') return s.image?.pixels ?? null;
  const image = s.compare.image;
  return image && sameShape(image.shape, s.input) ? image.pixels : null;
}

let lastPixels: { region: PixelRegion; width: number; pixels: readonly number[] } | null = null;

/** The pixel indices of B's region on the model's input (one array per region and width). */
function regionOnInput(region: PixelRegion, input: InputShape): readonly number[] | null {
  if (region.row1 >= input.height || region.col1 >= input.width) return null;
  if (lastPixels?.region !== region || lastPixels.width !== input.width)
    lastPixels = { region, width: input.width, pixels: regionPixels(region, input.width) };
  return lastPixels.pixels;
}

/**
 * B's pixels: its own in a pixel comparison, else A's selection. B's are read from its region on
 * the current input, so a region kept from a link or from another model never addresses pixels
 * of the wrong width.
 */
export function comparePixels(s: AppState): readonly number[] | null {
  if (!s.compare.kind) return null;
  if (s.compare.kind !== 'pixels') return s.selection?.pixels ?? null;
  const region = s.compare.selection?.region;
  return region ? regionOnInput(region, s.input) : null;
}

/** The class A's prediction ranks second: the natural second class to follow. */
export function runnerUp(s: AppState): number | null {
  const p = s.prediction.result;
  if (!p || s.prediction.imageVersion !== s.image?.version) return null;
  let best = -1;
  let second = -1;
  p.probabilities.forEach((v, c) => {
    if (best < 0 || v > (p.probabilities[best] ?? 0)) {
      second = best;
      best = c;
    } else if (second < 0 || v > (p.probabilities[second] ?? 0)) second = c;
  });
  return second >= 0 ? second : null;
}

/** A's class: the chosen one, else the prediction for A's image (null until it is known). */
export function compareClassA(s: AppState): number | null {
  if (s.targetClass !== null) return s.targetClass;
  const p = s.prediction;
  return p.result && p.imageVersion === s.image?.version ? p.result.classIndex : null;
}

/**
 * B's class. Towards two classes: B's own (by default the runner-up); otherwise A's class, named
 * explicitly, so that B's image is read for the same class even when it predicts another.
 */
export function compareClassB(s: AppState): number | null {
  if (s.compare.kind === 'classes') return s.compare.classIndex ?? runnerUp(s);
  return compareClassA(s);
}

function imageKey(s: AppState): string | null {
  if (s.compare.kind === 'images') return s.compare.image ? `b${s.compare.image.version}` : null;
  return s.image ? `a${s.image.version}` : null;
}

function keyOf(s: AppState, pixels: readonly number[] | null): string | null {
  const image = imageKey(s);
  const cls = compareClassB(s);
  if (image === null || !pixels || pixels.length === 0 || cls === null) return null;
  return `${image}|${pixels.join(',')}|${cls}`;
}

/** Identifies B's query (image, pixels, class), or null while B is not fully known. */
export function compareKey(s: AppState): string | null {
  return keyOf(s, comparePixels(s));
}

/**
 * B's pixels to ask for now: comparePixels', with the pixels still pending where there are
 * (B's own in a pixel comparison, A's otherwise); they become the selection with their answer.
 */
export function compareRequestPixels(s: AppState): readonly number[] | null {
  if (!s.compare.kind) return null;
  if (s.compare.kind !== 'pixels') return (s.pendingSelection ?? s.selection)?.pixels ?? null;
  return s.compare.pendingSelection?.pixels ?? comparePixels(s);
}

/** The key of B's query to ask now (compareRequestPixels): compareKey's once it is answered. */
export function compareRequestKey(s: AppState): string | null {
  return keyOf(s, compareRequestPixels(s));
}

/** B's answer while it fits: live for this key, or the previous one for the same image (dimmed). */
export function selectCompareResult(s: AppState): PixelQueryResult | null {
  const { result, key } = s.compare.pathways;
  if (!result || !s.compare.kind) return null;
  const now = compareKey(s);
  if (key === now) return result;
  const image = imageKey(s);
  return image !== null && key?.split('|')[0] === image ? result : null;
}

/** Whether the answer shown for B is the one for B's current pixels and class. */
export function compareIsLive(s: AppState): boolean {
  return s.compare.pathways.result !== null && s.compare.pathways.key === compareKey(s);
}

/**
 * The two sides read different images, so their gates (which ReLUs are on, which pool inputs win)
 * differ too: the difference is then not that of the input alone.
 */
export function compareGatesDiffer(s: AppState): boolean {
  const b = s.compare.kind === 'images' ? compareImagePixels(s) : null;
  if (!b || !s.image) return false;
  const a = s.image.pixels;
  // Read on every store change (pointer moves): compare each pair of images once.
  if (lastGates?.a !== a || lastGates.b !== b)
    lastGates = { a, b, differ: a.length !== b.length || a.some((v, i) => v !== b[i]) };
  return lastGates.differ;
}

let lastGates: { a: Float32Array; b: Float32Array; differ: boolean } | null = null;
