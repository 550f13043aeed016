// Selectors of the visualizer: which pathways and forward data belong to what is on screen, and
// whether they are live or the shipped precomputed example. Like selectors.ts, each returns data
// already in the store (or a primitive), never a fresh object.
import type { ImageForward, PathwayChain, PixelQueryResult } from '../pathways/types';
import type { AppState } from './types';

function keyOf(s: AppState, selection: AppState['selection']): string | null {
  if (!s.image || !selection) return null;
  return `${s.image.version}|${selection.pixels.join(',')}|${s.targetClass ?? 'p'}`;
}

/** Identifies one pathway query: image, selected pixels and class (null = the prediction). */
export function queryKey(s: AppState): string | null {
  return keyOf(s, s.selection);
}

/**
 * The query to ask now: queryKey's, for the pending selection where there is one (it becomes the
 * selection with its answer: view-types.ts `pendingSelection`).
 */
export function requestKey(s: AppState): string | null {
  return keyOf(s, s.pendingSelection ?? s.selection);
}

/** The precomputed example describes the image on screen (same model and gallery sample). */
export function precomputedFitsImage(s: AppState): boolean {
  const pre = s.precomputed;
  const source = s.image?.source;
  return (
    pre !== null &&
    s.customModelUrl === null &&
    s.modelId === pre.modelId &&
    source?.kind === 'sample' &&
    source.index === pre.sample
  );
}

/** ...and the view on screen: same selection, and the class it was computed for. */
function precomputedFitsView(s: AppState): boolean {
  const pre = s.precomputed;
  if (!pre || !precomputedFitsImage(s) || !s.selection) return false;
  const cls = s.targetClass;
  return (
    (cls === null || cls === pre.result.classIndex) &&
    s.selection.pixels.join(',') === pre.pixels.join(',')
  );
}

export type PathwaysOrigin = 'live' | 'precomputed' | 'stale' | 'none';

export function selectPathwaysOrigin(s: AppState): PathwaysOrigin {
  if (!s.selection) return 'none';
  if (s.pathways.result && s.pathways.key === queryKey(s)) return 'live';
  if (precomputedFitsView(s)) return 'precomputed';
  // The last answer stays (dimmed) while the next one loads, so the view does not flash; it is
  // dropped once the image itself has changed.
  const version = s.pathways.key?.split('|')[0];
  return s.pathways.result && version === String(s.image?.version) ? 'stale' : 'none';
}

/**
 * The label on a precomputed view: it must not promise a live model that failed. Each failure
 * that keeps the live answer from replacing the example (the model did not load, cannot be
 * traced, or its query failed) replaces "loading" with what went wrong.
 */
export function selectPrecomputedLabel(s: AppState): string {
  const { model } = s;
  if (model.status === 'error') {
    return `precomputed — the live model could not be loaded: ${model.error ?? 'no reason given'}`;
  }
  const support = model.summary?.pathways;
  if (model.status === 'ready' && support && !support.supported) {
    return `precomputed — the live model cannot trace pathways: ${support.reason}`;
  }
  const failed = s.pathways.status === 'error' ? s.pathways.error : null;
  const forwardFailed = s.forward.status === 'error' ? s.forward.error : null;
  if (failed || forwardFailed) {
    return `precomputed — the live model failed: ${failed ?? forwardFailed}`;
  }
  return 'precomputed — live model loading…';
}

export function selectShownPathways(s: AppState): PixelQueryResult | null {
  switch (selectPathwaysOrigin(s)) {
    case 'live':
    case 'stale':
      return s.pathways.result;
    case 'precomputed':
      return s.precomputed?.result ?? null;
    default:
      return null;
  }
}

/**
 * The top chains of the pathways on screen (selectShownPathways): the live answer's once they have
 * arrived (they are asked for after it, src/app/session/pathway-chains.ts), null until then; the
 * precomputed example carries its own.
 */
export function selectShownChains(s: AppState): PathwayChain[] | null {
  switch (selectPathwaysOrigin(s)) {
    case 'live':
    case 'stale': {
      const { chains } = s;
      return chains.of === s.pathways.result && chains.status === 'ready' ? chains.list : null;
    }
    case 'precomputed':
      return s.precomputed?.result.chains ?? null;
    default:
      return null;
  }
}

/** Why the chains of the live answer on screen could not be found (null: they could, or wait). */
export function selectChainsError(s: AppState): string | null {
  const { chains } = s;
  const shown = selectPathwaysOrigin(s);
  const live = shown === 'live' || shown === 'stale';
  return live && chains.of === s.pathways.result && chains.status === 'error' ? chains.error : null;
}

/** Activations and relevance computed live for the image on screen. */
export function selectLiveForward(s: AppState): ImageForward | null {
  return s.forward.data && s.forward.imageVersion === s.image?.version ? s.forward.data : null;
}

/** Probabilities and relevance for the class panel: live, else the precomputed example's. */
export function selectClassData(s: AppState): ImageForward | null {
  return (
    selectLiveForward(s) ?? (precomputedFitsImage(s) ? (s.precomputed?.forward ?? null) : null)
  );
}
