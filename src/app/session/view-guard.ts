// Keeps the visualizer's view sensible as things load: selects a default pixel when there is none
// (or when a new image leaves the selection on blank background), and finishes checking the
// link's values once what they need is known (the class count, the input size, the layer names).
// The checks are the URL table's own (`check` of each field, src/state/url-fields.ts, run by
// checkUrlState in src/state/url.ts); a refused value is named in the link notice, as the values
// refused at boot are, and replaced by its default, so the address bar follows (url-sync.ts).
import { defaultPixel } from '../../lib/default-pixel';
import { cellOf, type PixelRegion } from '../../lib/selection';
import { modelEntry } from '../../model/registry';
import { analysesStore, type AnalysesStore } from '../../state/analyses-store';
import { defaultAnalysesUrlState } from '../../state/analyses-url';
import { reportLinkProblems, type AppStore } from '../../state/store';
import type { AppState } from '../../state/types';
import { CHECKED_FIELDS, checkUrlState } from '../../state/url';
import type { LinkFacts } from '../../state/url-field';
import type { UrlFieldName } from '../../state/url-fields';
import { toUrlState } from '../../state/url-sync';
import { pixelIntensity, valueCount } from '../../state/input-shape';
import { isOwnModel } from '../../state/own-model';

function pixelRegion(p: number, width: number): PixelRegion {
  const { row, col } = cellOf(p, width);
  return { row0: row, col0: col, row1: row, col1: col };
}

function hasInk(s: AppState): boolean {
  const pixels = s.image?.pixels;
  if (!pixels || !s.selection) return false;
  const c = s.input.channels;
  // Any channel of a selected pixel (NHWC: pixel p's values are p·C … p·C + C − 1).
  return s.selection.pixels.some((p) => {
    for (let k = 0; k < c; k++) if ((pixels[p * c + k] ?? 0) > 0) return true;
    return false;
  });
}

function selectDefaultPixel(store: AppStore): void {
  const s = store.getState();
  const { width, height } = s.input;
  const p = s.image ? defaultPixel(pixelIntensity(s.image.pixels, s.input), width, height) : null;
  if (p !== null) s.select(pixelRegion(p, width));
}

/** What is known so far about the model, for the URL table's checks. */
function linkFactsOf(s: AppState): LinkFacts {
  const summary = s.model.summary;
  const described = s.forward.data ?? s.pathways.result;
  const [height = 0, width = 0, channels = 0] = summary?.inputShape ?? [];
  return {
    input: described?.input ?? (summary ? { height, width, channels } : undefined),
    classCount: summary?.classCount ?? s.samples.set?.classNames.length,
    layers: described?.layers,
  };
}

type Reset = (app: AppStore, analyses: AnalysesStore) => void;

/** How each field that can be refused late goes back to its default, in its store. */
export const LINK_RESETS: Partial<Record<UrlFieldName, Reset>> = {
  px: (app) => {
    app.getState().select(null);
    selectDefaultPixel(app);
  },
  img: (app) => {
    const s = app.getState();
    // An own model has no default sample (its gallery, if any, starts at 0): a blank canvas.
    if (isOwnModel(s)) {
      if (s.samples.set) s.selectSample(0);
      else s.setImage(new Float32Array(valueCount(s.input)), { kind: 'drawn' });
    } else {
      s.selectSample(modelEntry(s.modelId).defaultSample);
    }
  },
  targetClass: (app) => app.getState().setTargetClass(null),
  map: (app) => {
    const s = app.getState();
    s.setPins(s.pinned, null);
  },
  pinned: (app) => {
    const s = app.getState();
    s.setPins(null, s.pinnedMap);
  },
  reveal: (app) => app.getState().setReveal(null),
  attackTarget: (_app, analyses) => analyses.getState().setAttackTarget(null),
  patch: (_app, analyses) => analyses.getState().setPatch(null),
  shift: (_app, analyses) => analyses.getState().setShift(defaultAnalysesUrlState().shift),
  comparePx: (app) => app.getState().setCompareSelection(null),
  compareClass: (app) => app.getState().setCompareClass(null),
  compareImage: (app) => app.getState().dropCompareImage(),
};

export function startViewGuard(
  store: AppStore,
  analyses: AnalysesStore = analysesStore,
): () => void {
  let seenImage: number | null = null;
  // The link's values not yet checked against the model (each is checked once: later values
  // come from the app's own controls).
  let pending: readonly UrlFieldName[] = CHECKED_FIELDS;
  let lastFacts: LinkFacts | null = null;

  const sameFacts = (a: LinkFacts, b: LinkFacts) =>
    a.classCount === b.classCount &&
    a.layers === b.layers &&
    a.input?.height === b.input?.height &&
    a.input?.width === b.input?.width &&
    a.input?.channels === b.input?.channels;

  const checkLink = (s: AppState) => {
    if (pending.length === 0) return;
    // Only new facts can decide more (the store changes on every pointer move).
    const facts = linkFactsOf(s);
    if (lastFacts && sameFacts(lastFacts, facts)) return;
    lastFacts = facts;
    const { problems, decided } = checkUrlState(toUrlState(s, analyses.getState()), facts, pending);
    if (decided.length === 0) return;
    // Before anything changes the store: the changes below call this guard again.
    pending = pending.filter((name) => !decided.includes(name));
    reportLinkProblems(store, problems);
    for (const p of problems) LINK_RESETS[p.name]?.(store, analyses);
  };

  const check = () => {
    const s = store.getState();
    const image = s.image;
    if (image && image.version !== seenImage) {
      const first = seenImage === null;
      seenImage = image.version;
      // A link's own selection is kept even on background (it may show the zero-pixel case);
      // a new image chosen here moves a selection that would be left on blank paper.
      if (!s.selection || (!first && !hasInk(s))) selectDefaultPixel(store);
    }
    checkLink(store.getState());
  };

  check();
  return store.subscribe(check);
}
