// The compare mode's slice of the app store (docs/compare.md): the kind of comparison, B's side
// (pixel, class, image) and B's answer from the engine. A is the ordinary view's selection, class
// and image, so the compare mode adds one side and never duplicates the other.
import type { CompareVariant } from './compare-image-code';
import type { CompareKind } from './compare-url';
import type { InputShape } from './input-shape';
import type { PixelRegion } from '../lib/selection';
import type { PathwaysState, Selection } from './view-types';
import type { PixelQueryResult } from '../pathways/types';

export type CompareImageSource =
  { kind: 'sample'; index: number } | { kind: 'variant'; variant: CompareVariant };

export interface CompareImage {
  /** H×W×C float32 in [0, 1] (NHWC), as the model reads it. */
  pixels: Float32Array;
  /** The geometry of `pixels`; an image that no longer fits the model is not used (selectors). */
  shape: InputShape;
  source: CompareImageSource;
  /** Increases with every new B image (its own counter, apart from A's). */
  version: number;
}

export interface CompareData {
  /** The open comparison, or null when the compare mode is off. */
  kind: CompareKind | null;
  /** B's pixels ('pixels'); the other kinds use A's selection. */
  selection: Selection | null;
  /**
   * B's pixels just picked, pending until B's answer, with which they become `selection` in one
   * store update (as A's: view-types.ts `pendingSelection`), so that the picker's outline and the
   * two diagrams of B are drawn in one frame. B's query asks for them at once
   * (selectors-compare.ts `compareRequestKey`).
   */
  pendingSelection: Selection | null;
  /** The pixel under a pointer pressed on B's picker, asked for before the release (as A's). */
  pressedSelection: Selection | null;
  /**
   * The pressed pixel's answer, arrived before the release (as A's: view-types.ts pathwaysAhead):
   * the three drawings are laid out with it while the button is down (use-compare-drawings.ts).
   */
  pathwaysAhead: PixelQueryResult | null;
  /** B's class ('classes'); null: the class A's prediction ranks second. */
  classIndex: number | null;
  /** B's image ('images'); the other kinds use A's image. */
  image: CompareImage | null;
  /** A gallery sample from the link, shown once the gallery has loaded. */
  pendingSample: number | null;
  /** B's answer; A's is the ordinary view's `pathways`. */
  pathways: PathwaysState;
}

export interface CompareActions {
  /** Opens a comparison (keeping B's side where it fits), or closes it with null. */
  setCompareKind(kind: CompareKind | null): void;
  /** B's pixels, at once (a link, the view guard); the picker proposes them instead. */
  setCompareSelection(region: PixelRegion | null): void;
  /** B's pixels from the picker: pending until their answer (see pendingSelection). */
  proposeCompareSelection(region: PixelRegion): void;
  /** A pointer pressed on B's picker at `region` (one pixel), or null (see pressedSelection). */
  pressCompareSelection(region: PixelRegion | null): void;
  /** The pressed pixel's answer, arrived before the release (see pathwaysAhead). */
  setComparePathwaysAhead(result: PixelQueryResult | null): void;
  /** Makes the pending B pixels the selection (only `which`, when given: a later pick wins). */
  commitComparePendingSelection(which?: Selection): void;
  setCompareClass(classIndex: number | null): void;
  setCompareImage(pixels: Float32Array, source: CompareImageSource): void;
  /** B's image: the current image (a sample by number, a drawn or uploaded one as it is). */
  keepImageAsB(): void;
  /** B's image: gallery sample `index` (remembered until the gallery has loaded). */
  setCompareSample(index: number): void;
  /** One click from the Analyses views: compare the current image with a variant at `region`. */
  openImageComparison(
    pixels: Float32Array,
    variant: CompareVariant,
    region: PixelRegion | null,
  ): void;
  /**
   * A and B trade places: the two pixels, the two classes, or the two images (when B's image can
   * travel in the link as A's: compareSwapBlocker). The link follows the store.
   */
  swapCompareSides(): void;
  /** B has no image (a link's refused `bimg`: the view guard's reset, view-guard.ts). */
  dropCompareImage(): void;
  /** After the model's input changed: drops B's image or region where they no longer fit. */
  compareInputChanged(): void;
  patchComparePathways(patch: Partial<PathwaysState>): void;
  /** B's answer, and the pending pixels it was asked for (if still pending) as B's selection. */
  answerComparePathways(patch: Partial<PathwaysState>, pending: Selection | null): void;
}
