// The visualizer's slice of the store: initial values (from the link) and the actions. Actions
// only change data; the session (src/app/session) reacts by asking the worker.
import { BRUSH_SIZES } from '../lib/brush';
import { regionPixels, type PixelRegion } from '../lib/selection';
import { SHIPPED_INPUT, type InputShape } from './input-shape';
import type { AppState } from './types';
import type { UrlState } from './url-fields';
import type { Selection, ViewActions, ViewData } from './view-types';

/**
 * The selection of `region` on an image of `input`'s geometry, or null when the region does not
 * fit it (a link's px is checked against the model once it has loaded: view-guard.ts).
 */
export function selectionFor(region: PixelRegion, input: InputShape): Selection | null {
  if (region.row1 >= input.height || region.col1 >= input.width) return null;
  return { region, pixels: regionPixels(region, input.width) };
}

export function initialView(url: UrlState): ViewData {
  return {
    // The link's region is checked against the image once it has loaded (default-selection.ts).
    // The boot geometry: a link to a model of another size is re-checked once it has loaded.
    selection: url.px ? selectionFor(url.px, SHIPPED_INPUT) : null,
    pendingSelection: null,
    pressedSelection: null,
    pathwaysAhead: null,
    hoverPixel: null,
    inputMode: 'select',
    brushSize: BRUSH_SIZES.initial,
    targetClass: url.targetClass,
    sankey: {
      prune: url.prune,
      poolMode: url.poolMode,
      denseTopN: url.denseTopN,
      rankBy: url.rankBy,
    },
    pinned: url.pinned,
    pinnedMap: url.map,
    hoveredMap: null,
    reveal: url.reveal,
    pathways: { status: 'idle', result: null, key: null, error: null },
    chains: { status: 'idle', of: null, list: [], error: null },
    forward: { status: 'idle', data: null, imageVersion: null, error: null },
    precomputed: null,
  };
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

export function viewActions(set: Set, get: Get): ViewActions {
  return {
    select: (region) =>
      set({
        selection: region ? selectionFor(region, get().input) : null,
        pendingSelection: null,
        pressedSelection: null,
      }),
    proposeSelection: (region) =>
      set({ pendingSelection: selectionFor(region, get().input), pressedSelection: null }),
    pressSelection: (region) =>
      set({
        pressedSelection: region ? selectionFor(region, get().input) : null,
        pathwaysAhead: null,
      }),
    setPathwaysAhead: (pathwaysAhead) => {
      if (get().pathwaysAhead !== pathwaysAhead) set({ pathwaysAhead });
    },
    commitPendingSelection: (which) => {
      const pending = get().pendingSelection;
      if (pending && (which === undefined || which === pending)) {
        set({ selection: pending, pendingSelection: null });
      }
    },
    setHoverPixel: (hoverPixel) => {
      if (get().hoverPixel !== hoverPixel) set({ hoverPixel });
    },
    setInputMode: (inputMode) => set({ inputMode }),
    setBrushSize: (brushSize) => set({ brushSize }),
    setTargetClass: (targetClass) => set({ targetClass }),
    setSankeySettings: (sankey) => set({ sankey }),
    setPins: (pinned, pinnedMap) => set({ pinned, pinnedMap }),
    setHoveredMap: (hoveredMap) => {
      const h = get().hoveredMap;
      const same =
        h === hoveredMap ||
        (h && hoveredMap && h.layer === hoveredMap.layer && h.channel === hoveredMap.channel);
      if (!same) set({ hoveredMap });
    },
    setReveal: (reveal) => set({ reveal }),
    patchPathways: (patch) => set({ pathways: { ...get().pathways, ...patch } }),
    answerPathways: (patch, pending) => {
      const pathways = { ...get().pathways, ...patch };
      const commits = pending !== null && get().pendingSelection === pending;
      // The answer asked ahead (if it was this one) is drawn now: nothing left to prepare.
      const ahead = get().pathwaysAhead === patch.result ? { pathwaysAhead: null } : {};
      set(
        commits
          ? { pathways, selection: pending, pendingSelection: null, ...ahead }
          : { pathways, ...ahead },
      );
    },
    patchChains: (patch) => set({ chains: { ...get().chains, ...patch } }),
    patchForward: (patch) => set({ forward: { ...get().forward, ...patch } }),
    setPrecomputed: (precomputed) => set({ precomputed }),
  };
}
