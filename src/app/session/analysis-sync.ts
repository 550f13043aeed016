// Starts the Analyses area's side of the session once, from startSession (index.ts): dropping
// every result when the model changes, loading the cached importance (analysis-importance.ts)
// and sending the views' run requests to the analyses' worker (analysis-requests.ts). Its link
// fields are read and written with all the others (src/state/url.ts, url-sync.ts). See
// docs/analyses.md, "Wiring".
import { analysesStore } from '../../state/analyses-store';
import type { AppStore } from '../../state/store';
import type { WorkerClient } from '../../worker/client';
import { startImportanceLoader } from './analysis-importance';
import { startAnalysisRuns } from './analysis-requests';

let started = false;

/**
 * `sessionClient` is the session's worker client; `createClient` makes the analyses' own one
 * (called on the first run request only).
 */
export function startAnalyses(
  appStore: AppStore,
  sessionClient: WorkerClient,
  createClient: () => WorkerClient,
): void {
  if (started) return;
  started = true;
  // Before the importance loader subscribes: a model change resets first, then loads once.
  let modelUrl = appStore.getState().model.summary?.url ?? null;
  appStore.subscribe((state) => {
    const url = state.model.summary?.url ?? null;
    if (url === modelUrl) return;
    modelUrl = url;
    analysesStore.getState().resetForModel();
  });
  startImportanceLoader(appStore, analysesStore);
  startAnalysisRuns({ analyses: analysesStore, app: appStore, sessionClient, createClient });
}
