// The compare mode's part of the store: initial values from the link and the actions. Actions only
// change data; the session (src/app/session/compare-query.ts) asks the worker for B's pathways.
// The geometry is the store's `input` (the loaded model's), never a constant.
import { sampleImage, sampleShape } from '../model/samples';
import { cellOf, regionPixels, type PixelRegion } from '../lib/selection';
import { decodeCompareImage } from './compare-image-code';
import { compareClassA, compareClassB } from './selectors-compare';
import type {
  CompareActions,
  CompareData,
  CompareImage,
  CompareImageSource,
} from './compare-types';
import { decodeImage, encodeImage, MAX_TEXT_LENGTH } from '../lib/image-codec';
import {
  pixelIntensity,
  sameShape,
  SHIPPED_INPUT,
  valueCount,
  type InputShape,
} from './input-shape';
import type { AppState, ImageSource } from './types';
import type { UrlState } from './url-fields';
import type { Selection } from './view-types';

let version = 0;
function nextImage(
  pixels: Float32Array,
  source: CompareImageSource,
  shape: InputShape,
): CompareImage {
  version += 1;
  return { pixels, source, shape, version };
}

/** The selection of `region` on an image of `input`, or null when it does not fit. */
export function compareSelectionFor(
  region: PixelRegion | null,
  input: InputShape,
): Selection | null {
  if (!region || region.row1 >= input.height || region.col1 >= input.width) return null;
  return { region, pixels: regionPixels(region, input.width) };
}

/**
 * From the link, before any model has loaded: B's region is kept as written (the view guard checks
 * it against the model's input, compare-url.ts) and B's image in its own geometry (an image that
 * does not fit the model is dropped once the model is known: compareInputChanged).
 */
export function initialCompare(url: UrlState, input: InputShape = SHIPPED_INPUT): CompareData {
  const code = url.compareImage ? decodeCompareImage(url.compareImage) : undefined;
  const region = url.comparePx;
  return {
    kind: url.compare,
    selection: region ? { region, pixels: regionPixels(region, input.width) } : null,
    pendingSelection: null,
    pressedSelection: null,
    pathwaysAhead: null,
    classIndex: url.compareClass,
    image:
      code?.kind === 'variant'
        ? nextImage(code.pixels, { kind: 'variant', variant: code.variant }, code.shape)
        : null,
    pendingSample: code?.kind === 'sample' ? code.index : null,
    pathways: { status: 'idle', result: null, key: null, error: null },
  };
}

/**
 * The pixel with ink (intensity ≥ 0.5) farthest from pixel `from`, as a 1×1 region (null: no
 * ink), so that two pixels start apart and B − A is not zero at once.
 */
export function farInkPixel(
  pixels: Float32Array,
  input: InputShape,
  from: number,
): PixelRegion | null {
  const { width } = input;
  const ink = pixelIntensity(pixels, input);
  const start = cellOf(from, width);
  let best = -1;
  let bestD = -1;
  ink.forEach((v, p) => {
    const d = (Math.floor(p / width) - start.row) ** 2 + ((p % width) - start.col) ** 2;
    if (v >= 0.5 && d > bestD) {
      best = p;
      bestD = d;
    }
  });
  if (best < 0) return null;
  const { row, col } = cellOf(best, width);
  return { row0: row, col0: col, row1: row, col1: col };
}

/** How A's image is kept as B: a sample by number, else a variant of the same kind. */
function asCompareSource(source: ImageSource): CompareImageSource {
  if (source.kind === 'sample') return { kind: 'sample', index: source.index };
  return { kind: 'variant', variant: source.kind };
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

export function compareActions(set: Set, get: Get): CompareActions {
  const patch = (p: Partial<CompareData>) => set({ compare: { ...get().compare, ...p } });
  const checkSize = (pixels: Float32Array) => {
    const input = get().input;
    if (pixels.length !== valueCount(input))
      throw new RangeError(
        `An image of ${pixels.length} values does not fit the model's ${input.width}×${input.height}×${input.channels} input.`,
      );
    return input;
  };
  return {
    setCompareKind(kind) {
      const s = get();
      const selection =
        kind === 'pixels' && !s.compare.selection && s.image && s.selection
          ? compareSelectionFor(
              farInkPixel(s.image.pixels, s.input, s.selection.pixels[0] ?? 0),
              s.input,
            )
          : s.compare.selection;
      patch({ kind, selection });
    },
    setCompareSelection: (region) =>
      patch({
        selection: compareSelectionFor(region, get().input),
        pendingSelection: null,
        pressedSelection: null,
      }),
    proposeCompareSelection(region) {
      const pending = compareSelectionFor(region, get().input);
      patch(
        pending
          ? { pendingSelection: pending, pressedSelection: null }
          : { selection: null, pendingSelection: null, pressedSelection: null },
      );
    },
    pressCompareSelection: (region) =>
      patch({ pressedSelection: region ? compareSelectionFor(region, get().input) : null }),
    setComparePathwaysAhead(pathwaysAhead) {
      if (get().compare.pathwaysAhead !== pathwaysAhead) patch({ pathwaysAhead });
    },
    commitComparePendingSelection(which) {
      const pending = get().compare.pendingSelection;
      if (pending && (which === undefined || which === pending))
        patch({ selection: pending, pendingSelection: null });
    },
    setCompareClass: (classIndex) => patch({ classIndex }),
    keepImageAsB() {
      const image = get().image;
      if (image)
        patch({
          image: nextImage(image.pixels, asCompareSource(image.source), image.shape),
          pendingSample: null,
        });
    },
    setCompareImage(pixels, source) {
      const input = checkSize(pixels);
      patch({ image: nextImage(pixels, source, input), pendingSample: null });
    },
    setCompareSample(index) {
      const s = get();
      const samples = s.samples.set;
      // The gallery is not there yet, or is still the previous model's: keep the number.
      if (!samples || s.samples.status !== 'ready' || !sameShape(sampleShape(samples), s.input)) {
        // (Unchanged: no store update, as the session calls this on every change.)
        if (s.compare.pendingSample !== index) patch({ pendingSample: index });
        return;
      }
      if (index < 0 || index >= samples.count) {
        patch({ pendingSample: null });
        s.notify({
          id: 'compare-sample',
          level: 'warning',
          text: `B's image was to be gallery sample ${index}, but the gallery has ${samples.count} (0 to ${samples.count - 1}): choose B's image below.`,
        });
        return;
      }
      patch({
        image: nextImage(sampleImage(samples, index), { kind: 'sample', index }, s.input),
        pendingSample: null,
      });
    },
    openImageComparison(pixels, variant, region) {
      const input = checkSize(pixels);
      const s = get();
      if (region) s.select(region);
      patch({
        kind: 'images',
        image: nextImage(pixels, { kind: 'variant', variant }, input),
        pendingSample: null,
      });
    },
    swapCompareSides() {
      const s = get();
      const { kind } = s.compare;
      if (kind === 'pixels') {
        // A pick still waiting for its answer is what the user sees as picked: it is swapped.
        const b = (s.compare.pendingSelection ?? s.compare.selection)?.region ?? null;
        const a = (s.pendingSelection ?? s.selection)?.region ?? null;
        if (!a || !b) return;
        set({
          selection: compareSelectionFor(b, s.input),
          pendingSelection: null,
          compare: {
            ...s.compare,
            selection: compareSelectionFor(a, s.input),
            pendingSelection: null,
          },
        });
      } else if (kind === 'classes') {
        const a = compareClassA(s);
        const b = compareClassB(s);
        if (a === null || b === null) return;
        set({ targetClass: b, compare: { ...s.compare, classIndex: a } });
      } else if (kind === 'images') {
        const a = s.image;
        const b = s.compare.image;
        if (!a || !b || compareSwapBlocker(s) !== null) return;
        // A becomes B's image through the app's own actions (its prediction, version and link
        // follow), then B takes A's pixels and says where they came from. In this order B's query
        // waits for A's class (the new image's prediction) instead of being sent for the old one.
        const aImage = nextImage(a.pixels, asCompareSource(a.source), a.shape);
        if (b.source.kind === 'sample') s.selectSample(b.source.index);
        else
          s.setImage(
            b.pixels,
            b.source.variant === 'uploaded' ? { kind: 'uploaded' } : { kind: 'drawn' },
          );
        patch({ image: aImage, pendingSample: null });
      }
    },
    dropCompareImage: () => patch({ image: null, pendingSample: null }),
    compareInputChanged() {
      const s = get();
      const { image, selection } = s.compare;
      const dropImage = image !== null && !sameShape(image.shape, s.input);
      const region = selection?.region ?? null;
      const nextSelection = compareSelectionFor(region, s.input);
      const selectionChanged =
        (selection === null) !== (nextSelection === null) ||
        (nextSelection !== null && nextSelection.pixels.join() !== selection?.pixels.join());
      // A pick on the previous input's picker is not asked for on this one.
      const dropPending =
        s.compare.pendingSelection !== null || s.compare.pressedSelection !== null;
      if (!dropImage && !selectionChanged && !dropPending) return;
      patch({
        ...(dropImage ? { image: null } : {}),
        ...(selectionChanged ? { selection: nextSelection } : {}),
        ...(dropPending
          ? { pendingSelection: null, pressedSelection: null, pathwaysAhead: null }
          : {}),
      });
    },
    patchComparePathways: (p) => patch({ pathways: { ...get().compare.pathways, ...p } }),
    answerComparePathways(p, pending) {
      const compare = get().compare;
      const pathways = { ...compare.pathways, ...p };
      const commits = pending !== null && compare.pendingSelection === pending;
      // The answer asked ahead (if it was this one) is drawn now: nothing left to prepare.
      const ahead = compare.pathwaysAhead === p.result ? { pathwaysAhead: null } : {};
      patch(
        commits
          ? { pathways, selection: pending, pendingSelection: null, ...ahead }
          : { pathways, ...ahead },
      );
    },
  };
}

/**
 * Why A and B cannot trade places now, or null when they can. Only an image comparison can be
 * stuck: A's image travels in the link as the `img` code (16 grey levels) or a sample number, so
 * a B that the code would change (an attack, an 8-bit occluded or shifted copy) cannot become A
 * without the link showing another image.
 */
export function compareSwapBlocker(s: AppState): string | null {
  const { kind, image } = s.compare;
  if (kind === 'pixels')
    return s.selection && s.compare.selection ? null : 'Pick both pixels first.';
  if (kind === 'classes')
    return compareClassA(s) !== null && compareClassB(s) !== null
      ? null
      : 'Waiting for the classes.';
  if (!image || !s.image) return 'Choose B’s image first.';
  if (image.source.kind === 'sample') return null;
  return survivesImageCode(image)
    ? null
    : `The ${image.source.variant} image cannot be A: A’s image travels in the link at 16 grey levels, which would change it. Pick a gallery sample as B to swap.`;
}

const survivors = new WeakMap<Float32Array, boolean>();

/** Whether the `img` link code gives these very pixels back (a drawn image does; an attack not). */
function survivesImageCode(image: CompareImage): boolean {
  let ok = survivors.get(image.pixels);
  if (ok === undefined) {
    const { width, height, channels } = image.shape;
    let code = '';
    try {
      code = encodeImage(image.pixels, width, height, channels);
    } catch {
      // A geometry the code cannot carry: the image cannot travel as A.
    }
    const back =
      code && code.length <= MAX_TEXT_LENGTH ? decodeImage(code, width, height, channels) : null;
    ok = back?.ok === true && back.image.every((v, i) => v === image.pixels[i]);
    survivors.set(image.pixels, ok);
  }
  return ok;
}
