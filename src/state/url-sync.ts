// The one URL writer: mirrors the shareable part of BOTH stores (the app store, store.ts, and the
// analyses store, analyses-store.ts) into the address bar through the one table (url-fields.ts),
// debounced, with replaceState (no history spam). Parameters the table does not know are kept.
import { MAX_CODED_SIDE, MAX_TEXT_LENGTH, encodeImage } from '../lib/image-codec';
import { compareImageLinkCode } from './compare-link-code';
import { analysesStore, type AnalysesStore } from './analyses-store';
import type { AnalysesUrlState } from './analyses-types';
import type { AppState } from './types';
import type { AppStore } from './store';
import { serializeUrlState } from './url';
import type { UrlState } from './url-fields';
import { isLocalModelUrl, localModelLinkOf } from '../storage/local-model-id';
import type { CurrentImage } from './types';

// Encoding is cheap, but the store changes on every pointer move: encode each image once.
const codes = new WeakMap<Float32Array, string>();

/**
 * The image's link code, or null when it cannot travel in a link: a side over 256 px, or a
 * code longer than the reader accepts (a detailed colour photo; linkImageFits says so).
 */
function imageCode(image: CurrentImage): string | null {
  const { pixels, shape } = image;
  let code = codes.get(pixels);
  if (code === undefined) {
    code =
      shape.width > MAX_CODED_SIDE || shape.height > MAX_CODED_SIDE
        ? ''
        : encodeImage(pixels, shape.width, shape.height, shape.channels);
    if (code.length > MAX_TEXT_LENGTH) code = '';
    codes.set(pixels, code);
  }
  return code === '' ? null : code;
}

/** Whether a drawn or uploaded image travels in the link (the share UI warns when it does not). */
export function linkImageFits(image: CurrentImage | null): boolean {
  return !image || image.source.kind === 'sample' || imageCode(image) !== null;
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
    // A model opened from files travels as its id (and name); any other address as modelUrl,
    // also while the user is asked whether to load it from another site.
    modelUrl: isLocalModelUrl(state.customModelUrl)
      ? null
      : (state.customModelUrl ?? state.openModel.pendingRemote),
    localModel: localModelLinkOf(state.customModelUrl),
    // Drawn and uploaded images travel in the link itself (quantised when committed, so the
    // link reproduces exactly what was computed).
    img: image && source?.kind !== 'sample' ? imageCode(image) : null,
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
    compareImage: state.compare.kind === 'images' ? compareImageLinkCode(state.compare) : null,
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
