// The compare mode's part of the store: initial values from the link and the actions. Actions only
// change data; the session (src/app/session/compare-query.ts) asks the worker for B's pathways.
import { sampleImage } from '../model/samples';
import { regionPixels, type PixelRegion } from '../lib/selection';
import { EXPECTED_INPUT } from '../model/validate';
import { decodeCompareImage } from './compare-image-code';
import type {
  CompareActions,
  CompareData,
  CompareImage,
  CompareImageSource,
} from './compare-types';
import type { AppState } from './types';
import type { UrlState } from './url-fields';

const WIDTH = EXPECTED_INPUT.width;
const SIZE = EXPECTED_INPUT.width * EXPECTED_INPUT.height * EXPECTED_INPUT.channels;

let version = 0;
function nextImage(pixels: Float32Array, source: CompareImageSource): CompareImage {
  version += 1;
  return { pixels, source, version };
}

const selectionOf = (region: PixelRegion | null) =>
  region ? { region, pixels: regionPixels(region, WIDTH) } : null;

export function initialCompare(url: UrlState): CompareData {
  const code = url.compareImage ? decodeCompareImage(url.compareImage, SIZE) : undefined;
  return {
    kind: url.compare,
    selection: selectionOf(url.comparePx),
    classIndex: url.compareClass,
    image:
      code?.kind === 'variant'
        ? nextImage(code.pixels, { kind: 'variant', variant: code.variant })
        : null,
    pendingSample: code?.kind === 'sample' ? code.index : null,
    pathways: { status: 'idle', result: null, key: null, error: null },
  };
}

/** The inked pixel (value ≥ 0.5) farthest from pixel `from`, as a 1×1 region (null: no ink). */
export function farInkPixel(pixels: Float32Array, from: number): PixelRegion | null {
  const r0 = Math.floor(from / WIDTH);
  const c0 = from % WIDTH;
  let best = -1;
  let bestD = -1;
  pixels.forEach((v, p) => {
    const d = (Math.floor(p / WIDTH) - r0) ** 2 + ((p % WIDTH) - c0) ** 2;
    if (v >= 0.5 && d > bestD) {
      best = p;
      bestD = d;
    }
  });
  if (best < 0) return null;
  const row = Math.floor(best / WIDTH);
  const col = best % WIDTH;
  return { row0: row, col0: col, row1: row, col1: col };
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

export function compareActions(set: Set, get: Get): CompareActions {
  const patch = (p: Partial<CompareData>) => set({ compare: { ...get().compare, ...p } });
  return {
    setCompareKind(kind) {
      const s = get();
      // Two pixels start from a second pixel of the ink, so that B − A is not zero at once.
      const selection =
        kind === 'pixels' && !s.compare.selection && s.image && s.selection
          ? selectionOf(farInkPixel(s.image.pixels, s.selection.pixels[0] ?? 0))
          : s.compare.selection;
      patch({ kind, selection });
    },
    setCompareSelection: (region) => patch({ selection: selectionOf(region) }),
    setCompareClass: (classIndex) => patch({ classIndex }),
    setCompareImage: (pixels, source) =>
      patch({ image: nextImage(pixels, source), pendingSample: null }),
    setCompareSample(index) {
      const samples = get().samples.set;
      if (!samples || index < 0 || index >= samples.count) {
        patch({ pendingSample: index });
        return;
      }
      patch({
        image: nextImage(sampleImage(samples, index), { kind: 'sample', index }),
        pendingSample: null,
      });
    },
    openImageComparison(pixels, variant, region) {
      const s = get();
      if (region) s.select(region);
      patch({
        kind: 'images',
        image: nextImage(pixels, { kind: 'variant', variant }),
        pendingSample: null,
      });
    },
    patchComparePathways: (p) => patch({ pathways: { ...get().compare.pathways, ...p } }),
  };
}
