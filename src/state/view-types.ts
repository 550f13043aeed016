// The visualizer's part of the store: what is selected and how the views are set up (shareable,
// mirrored in the URL), what the pointer is on (transient), and the engine's answers for the
// image on screen. Plain data only.
import type { MapRef } from '../lib/map-id';
import type { SankeySettings } from '../layout/sankey-types';
import type { PrecomputedView } from '../lib/precomputed';
import type { PixelRegion } from '../lib/selection';
import type { ImageForward, PathwayChain, PixelQueryResult } from '../pathways/types';

/** What a pointer or key does on the input image. */
export type InputMode = 'select' | 'draw' | 'erase';

export interface Selection {
  /** The selected rectangle (a click is 1×1); this is what the link's `px` stores. */
  region: PixelRegion;
  /** Its pixels, flat row * W + col, row-major. */
  pixels: number[];
}

export type RequestStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PathwaysState {
  status: RequestStatus;
  /** The newest live answer; kept while the next one loads so the Sankey does not flash. */
  result: PixelQueryResult | null;
  /** The query key (see selectors-view.ts `queryKey`) that `result` answers. */
  key: string | null;
  error: string | null;
}

/**
 * The top chains of the live answer (definition 6). They are asked for once its Sankey is drawn
 * (src/app/session/pathway-chains.ts) and belong to one answer: shown only beside it.
 */
export interface ChainsState {
  status: RequestStatus;
  /** The answer (pathways.result) these chains, or this error, belong to. */
  of: PixelQueryResult | null;
  list: PathwayChain[];
  error: string | null;
}

export interface ForwardState {
  status: RequestStatus;
  /** Activations and per-class relevance of image `imageVersion`. */
  data: ImageForward | null;
  imageVersion: number | null;
  error: string | null;
}

export interface ViewData {
  selection: Selection | null;
  /**
   * A selection made on the input whose pathways are being asked for. It becomes `selection`
   * together with their answer, in one store update (or after PENDING_SELECTION_MS, or at once
   * when nothing can be asked): the click's outline and its Sankey then reach the screen in one
   * frame, and no frame of the outline alone holds the answer up (docs/benchmarks.md, "Speed,
   * fifth pass"). The pathway query asks for it already (selectors-view.ts `requestKey`).
   */
  pendingSelection: Selection | null;
  /**
   * The pixel under a pointer pressed on the input (select mode), until it is released. Its
   * pathways are asked for ahead of the release (src/app/session/press-ahead.ts), so a click's
   * answer is on its way, or there, when the press ends. Never drawn, never in the link.
   */
  pressedSelection: Selection | null;
  /**
   * The answer for the pressed pixel when it came before the release: the Sankey lays it out
   * meanwhile (use-sankey-drawing.ts), so the release only has it drawn. Not shown by itself.
   */
  pathwaysAhead: PixelQueryResult | null;
  /** Pixel under the pointer or keyboard cursor (not in the link). */
  hoverPixel: number | null;
  inputMode: InputMode;
  brushSize: number;
  /** Class the flows go to, or null for the model's prediction. */
  targetClass: number | null;
  sankey: SankeySettings;
  /** Pinned Sankey node or link id. */
  pinned: string | null;
  /** Pinned feature map as `layerName:channel` (the link's `map`), linked with `pinned`. */
  pinnedMap: string | null;
  /** Map under the pointer in either view (not in the link). */
  hoveredMap: MapRef | null;
  /** Playback: Sankey columns revealed, or null for all. */
  reveal: number | null;
  pathways: PathwaysState;
  chains: ChainsState;
  forward: ForwardState;
  /** The shipped default example (public/precomputed), shown until the live model answers. */
  precomputed: PrecomputedView | null;
}

export interface ViewActions {
  /** Commits a selection (null clears it), and drops a pending one. */
  select(region: PixelRegion | null): void;
  /** A selection from the input: pending until its pathways answer (see pendingSelection). */
  proposeSelection(region: PixelRegion): void;
  /** A pointer pressed on the input at `region` (one pixel), or null (see pressedSelection). */
  pressSelection(region: PixelRegion | null): void;
  /** The pressed pixel's answer, arrived before the release (see pathwaysAhead). */
  setPathwaysAhead(result: PixelQueryResult | null): void;
  /** Makes the pending selection `selection` (nothing if `which` is given and is not it). */
  commitPendingSelection(which?: Selection): void;
  setHoverPixel(pixel: number | null): void;
  setInputMode(mode: InputMode): void;
  setBrushSize(size: number): void;
  setTargetClass(classIndex: number | null): void;
  setSankeySettings(settings: SankeySettings): void;
  /** Pins a node and its map together (either may be null), so both views agree. */
  setPins(pinned: string | null, pinnedMap: string | null): void;
  setHoveredMap(map: MapRef | null): void;
  setReveal(reveal: number | null): void;
  patchPathways(patch: Partial<PathwaysState>): void;
  /** A pathway answer, and the pending selection it was asked for made `selection`, in one update. */
  answerPathways(patch: Partial<PathwaysState>, pending: Selection | null): void;
  patchChains(patch: Partial<ChainsState>): void;
  patchForward(patch: Partial<ForwardState>): void;
  setPrecomputed(view: PrecomputedView | null): void;
}
