// The session connects the store to the outside world: the model worker, the sample files and
// the URL. It starts once per page; React components only read the store and call its actions.
import type { WorkerClient } from '../../worker/client';
import { createModelWorkerClient } from '../../worker/spawn';
import { appStore, type AppStore } from '../../state/store';
import { startUrlSync } from '../../state/url-sync';
import { startAnalyses } from './analysis-sync';
import { startBackend } from './backend-init';
import { diagnosticsRequested, startDiagnostics } from './diagnostics';
import { startCompareQuery } from './compare-query';
import { startForwardData } from './forward-data';
import { startPathwayQuery } from './pathway-query';
import { startModelLoader } from './model-loader';
import { startPredictor } from './predictor';
import { startViewData } from './view-data';
import { watchWorker } from './worker-events';

export interface Session {
  /** The worker client, for panels that request engine work (see docs/app-shell.md). */
  client: WorkerClient;
  store: AppStore;
}

let current: Session | null = null;

export function startSession(
  store: AppStore = appStore,
  createClient: () => WorkerClient = createModelWorkerClient,
): Session {
  if (current) return current;
  const client = createClient();
  // The storm test's and the soak's debug hook, only with ?diagnostics=1 (diagnostics.ts).
  const diagnostics =
    typeof location !== 'undefined' && diagnosticsRequested(location.search)
      ? startDiagnostics(store, client)
      : null;
  // The view guard, the samples and the precomputed example (usually started before the first
  // render, src/main.tsx): the first paint does not wait for the model.
  void startViewData(store);
  startUrlSync(store);
  startBackend(store, client);
  startModelLoader(store, client);
  // Subscription order is request order on the serial worker: the prediction is quick, the
  // Sankey is what the user waits for, the feature maps and relevance come last.
  const answers = [
    startPredictor(store, client),
    startPathwayQuery(store, client),
    // The compare mode's side B (after A, before the maps): nothing while no comparison is open.
    startCompareQuery(store, client),
    startForwardData(store, client),
  ];
  watchWorker(store, client, () => answers.forEach((a) => a.refresh()));
  // The Analyses area: its run requests (own worker, made on the first one), importance cache.
  startAnalyses(
    store,
    client,
    diagnostics ? () => diagnostics.trackAnalyses(createClient()) : createClient,
  );
  current = { client, store };
  return current;
}

/** The running session's worker client (null before startSession). */
export function getSession(): Session | null {
  return current;
}
