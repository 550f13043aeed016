// Keeps the visualizer's view sensible as things load: selects a default pixel when there is none
// (or when a new image leaves the selection on blank background), and checks the link's px, class
// and map against the image and model once they are known (defaults plus a notice otherwise).
import { defaultPixel } from '../../lib/default-pixel';
import { cellOf, formatRegion, type PixelRegion } from '../../lib/selection';
import type { AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import { INPUT_HEIGHT, INPUT_WIDTH } from '../../state/view-store';

function pixelRegion(p: number): PixelRegion {
  const { row, col } = cellOf(p, INPUT_WIDTH);
  return { row0: row, col0: col, row1: row, col1: col };
}

function hasInk(s: AppState): boolean {
  const pixels = s.image?.pixels;
  return !!pixels && !!s.selection && s.selection.pixels.some((p) => (pixels[p] ?? 0) > 0);
}

function classCount(s: AppState): number | null {
  return s.model.summary?.classCount ?? s.samples.set?.classNames.length ?? null;
}

function layersOf(s: AppState) {
  return s.forward.data?.layers ?? s.pathways.result?.layers ?? null;
}

export function startViewGuard(store: AppStore): () => void {
  let seenImage: number | null = null;
  let classChecked = false;
  let mapChecked = false;

  const check = () => {
    const s = store.getState();
    const image = s.image;
    if (image && image.version !== seenImage) {
      const first = seenImage === null;
      seenImage = image.version;
      const r = s.selection?.region;
      if (first && r && (r.row1 >= INPUT_HEIGHT || r.col1 >= INPUT_WIDTH)) {
        s.notify({
          id: 'url-px',
          level: 'warning',
          text: `The link's px value "${formatRegion(r)}" is outside the ${INPUT_WIDTH}×${INPUT_HEIGHT} image and was ignored.`,
        });
        s.select(null);
      }
      // A link's own selection is kept even on background (it may show the zero-pixel case);
      // a new image chosen here moves a selection that would be left on blank paper.
      const current = store.getState();
      if (!current.selection || (!first && !hasInk(current))) {
        const p = defaultPixel(image.pixels, INPUT_WIDTH, INPUT_HEIGHT);
        if (p !== null) current.select(pixelRegion(p));
      }
    }

    const count = classCount(s);
    if (!classChecked && count !== null) {
      classChecked = true;
      const cls = s.targetClass;
      if (cls !== null && cls >= count) {
        s.notify({
          id: 'url-class',
          level: 'warning',
          text: `The link's class value "${cls}" was ignored (this model has classes 0–${count - 1}).`,
        });
        s.setTargetClass(null);
      }
    }

    const layers = layersOf(s);
    if (!mapChecked && layers) {
      mapChecked = true;
      const id = s.pinnedMap;
      const [name, channel] = id ? id.split(':') : [];
      const layer = layers.find((l) => l.name === name);
      if (id && (!layer || Number(channel) >= layer.channels)) {
        s.notify({
          id: 'url-map',
          level: 'warning',
          text: `The link's map value "${id}" is not a feature map of this model and was ignored.`,
        });
        s.setPins(s.pinned, null);
      }
    }
  };

  check();
  return store.subscribe(check);
}
