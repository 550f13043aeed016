// The one URL writer: mirrors the shareable part of BOTH stores (the app store, store.ts, and the
// analyses store, analyses-store.ts) into the address bar through the one table (url-fields.ts),
// debounced, with replaceState (no history spam). Parameters the table does not know are kept.
import { encodeImage } from '../lib/image-codec';
import { encodeCompareImage } from './compare-image-code';
import type { CompareData } from './compare-types';
import { analysesStore, type AnalysesStore } from './analyses-store';
import type { AnalysesUrlState } from './analyses-types';
import type { AppState } from './types';
import type { AppStore } from './store';
import { serializeUrlState } from './url';
import type { UrlState } from './url-fields';
import { INPUT_HEIGHT, INPUT_WIDTH } from './view-store';

// Encoding is cheap, but the store changes on every pointer move: encode each image once.
const codes = new WeakMap<Float32Array, string>();

function imageCode(pixels: Float32Array): string | null {
  let code = codes.get(pixels);
  if (code === undefined) {
    if (pixels.length !== INPUT_WIDTH * INPUT_HEIGHT) return null;
    code = encodeImage(pixels, INPUT_WIDTH, INPUT_HEIGHT);
    codes.set(pixels, code);
  }
  return code;
}

const compareCodes = new WeakMap<Float32Array, string>();

/** B's image for the link: its sample number, or its pixels losslessly (compare-image-code.ts). */
function compareImageCode(compare: CompareData): string | null {
  const image = compare.image;
  if (!image) return compare.pendingSample === null ? null : `sample.${compare.pendingSample}`;
  const source = image.source;
  if (source.kind === 'sample') return `sample.${source.index}`;
  let code = compareCodes.get(image.pixels);
  if (code === undefined) {
    code = encodeCompareImage({ kind: 'variant', variant: source.variant, pixels: image.pixels });
    compareCodes.set(image.pixels, code);
  }
  return code;
}

/**
 * The stores → URL mapping; every field of the table in url-fields.ts must appear here (the
 * reverse, URL → stores, is initialData in store.ts and initialAnalyses in analyses-store.ts).
 * `analyses` defaults to the analyses store's current values.
 */
export function toUrlState(
  state: AppState,
  analyses: AnalysesUrlState = analysesStore.getState(),
): UrlState {
  const image = state.image;
  const source = image?.source;
  return {
    model: state.modelId,
    sample: source?.kind === 'sample' ? source.index : state.pendingSample,
    backend: state.backend.requested,
    modelUrl: state.customModelUrl,
    // Drawn and uploaded images travel in the link itself (quantised when committed, so the
    // link reproduces exactly what was computed).
    img: image && source?.kind !== 'sample' ? imageCode(image.pixels) : null,
    px: state.selection?.region ?? null,
    map: state.pinnedMap,
    targetClass: state.targetClass,
    prune: state.sankey.prune,
    poolMode: state.sankey.poolMode,
    denseTopN: state.sankey.denseTopN,
    rankBy: state.sankey.rankBy,
    pinned: state.pinned,
    reveal: state.reveal,
    mode: state.presentation.mode,
    embed: state.presentation.embed,
    hide: state.presentation.hide,
    analysis: analyses.analysis,
    epsilon: analyses.epsilon,
    attackMode: analyses.attackMode,
    attackTarget: analyses.attackTarget,
    patch: analyses.patch,
    shift: analyses.shift,
    // B's side is written only while a comparison is open (it is kept in the store meanwhile).
    compare: state.compare.kind,
    comparePx: state.compare.kind === 'pixels' ? (state.compare.selection?.region ?? null) : null,
    compareClass: state.compare.kind === 'classes' ? state.compare.classIndex : null,
    compareImage: state.compare.kind === 'images' ? compareImageCode(state.compare) : null,
  };
}

/** How long the address bar trails the store: clicks stay fast, and browsers that limit
 * replaceState (Safari: 100 calls per 30 s) are never hit by a fast series of clicks. */
const URL_DELAY_MS = 120;

let flushPending: (() => void) | null = null;

/** Writes a pending change to the address bar now (e.g. before copying the link). */
export function flushUrlSync(): void {
  flushPending?.();
}

export function startUrlSync(store: AppStore, analyses: AnalysesStore = analysesStore): () => void {
  let last: UrlState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const current = () => toUrlState(store.getState(), analyses.getState());
  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const search = serializeUrlState(current(), location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  };
  const schedule = () => {
    const next = current();
    // Hover and query progress change the store often; skip when nothing shareable changed.
    if (last && (Object.keys(next) as Array<keyof UrlState>).every((k) => next[k] === last?.[k]))
      return;
    last = next;
    if (timer === null) timer = setTimeout(write, URL_DELAY_MS);
  };
  flushPending = write;
  last = current();
  write();
  addEventListener('pagehide', write);
  const unsubscribe = [store.subscribe(schedule), analyses.subscribe(schedule)];
  return () => {
    unsubscribe.forEach((u) => u());
    removeEventListener('pagehide', write);
    if (timer !== null) clearTimeout(timer);
    flushPending = null;
  };
}
