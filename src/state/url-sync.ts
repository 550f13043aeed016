// Mirrors the shareable part of the store into the address bar (replaceState: no history spam).
import type { AppState } from './types';
import type { AppStore } from './store';
import { serializeUrlState } from './url';
import type { UrlState } from './url-fields';

/** The store → URL mapping; every field of the table in url-fields.ts must appear here. */
export function toUrlState(state: AppState): UrlState {
  const source = state.image?.source;
  return {
    model: state.modelId,
    sample: source?.kind === 'sample' ? source.index : state.pendingSample,
    backend: state.backend.requested,
    modelUrl: state.customModelUrl,
  };
}

export function startUrlSync(store: AppStore): () => void {
  const write = () => {
    const search = serializeUrlState(toUrlState(store.getState()), location.search);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  };
  write();
  return store.subscribe(write);
}
