// The Analyses area's connection to the engine. Analyses run in their OWN model worker (a second
// WorkerClient with the same backend and model), so that a 20-second population run never queues
// in front of the Sankey's pixel queries on the session's worker. Each run slot has its own
// channel: a new request for a slot supersedes the running one (newest wins), `cancelRun` stops it.
import { appStore } from '../../state/store';
import { analysesStore } from '../../state/analyses-store';
import { RUN_OPS, type RunId, type RunResult } from '../../state/analyses-types';
import type { WorkerClient } from '../../worker/client';
import { isSuperseded, CancelledError } from '../../worker/errors';
import type { ParamsOf } from '../../worker/protocol';
import { createModelWorkerClient } from '../../worker/spawn';
import { getSession } from './index';

const INIT_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 600_000;
/** Progress repaints at most this often (an ablation run reports hundreds of steps a second). */
const PROGRESS_INTERVAL_MS = 100;

let engine: { client: WorkerClient; modelUrl: string | null } | null = null;

/** The analyses' worker client, started on first use and kept on the session's model. */
function analysisClient(): WorkerClient {
  const session = getSession();
  if (!session) throw new Error('The session has not started.');
  // On the page's own thread a second engine would only compete for the same thread.
  if (session.client.runsOnMainThread) return session.client;
  const state = appStore.getState();
  if (!engine) {
    const client = createModelWorkerClient();
    // The session's worker already found what works here: skip probing the others again.
    const backend = state.backend.info?.name ?? state.backend.requested;
    void client
      .request('init', { backend }, { channel: 'init', replay: true, timeoutMs: INIT_TIMEOUT_MS })
      .catch(() => undefined); // A failed init shows up as the analysis's own error.
    engine = { client, modelUrl: null };
  }
  const url = state.model.summary?.url ?? null;
  if (!url) throw new Error('The model has not loaded yet.');
  if (url !== engine.modelUrl) {
    engine.modelUrl = url;
    // Queued before the analysis on the serial worker, so the analysis sees this model.
    void engine.client
      .request('loadModel', { url }, { channel: 'model', replay: true, timeoutMs: LOAD_TIMEOUT_MS })
      .catch(() => {
        if (engine?.modelUrl === url) engine.modelUrl = null;
      });
  }
  return engine.client;
}

const channelOf = (id: RunId) => `analysis:${id}`;

/**
 * Runs slot `id` for `key` (what the request is about: image version, settings, model). The
 * answer is kept only while `key` is still the slot's newest request.
 */
export function startRun<K extends RunId>(
  id: K,
  key: string,
  params: ParamsOf<(typeof RUN_OPS)[K]>,
  transfer: Transferable[] = [],
): Promise<RunResult<K> | null> {
  const store = analysesStore.getState();
  store.patchRun(id, { status: 'running', progress: 0, label: 'Starting', key, error: null });
  const mine = () => analysesStore.getState().runs[id].key === key;
  let lastPaint = 0;
  const onProgress = (fraction: number, label: string) => {
    const now = performance.now();
    if (!mine() || (now - lastPaint < PROGRESS_INTERVAL_MS && fraction < 1)) return;
    lastPaint = now;
    analysesStore.getState().patchRun(id, { progress: fraction, label });
  };
  let request: Promise<RunResult<K>>;
  try {
    // The op ↔ params ↔ result correlation is fixed by RUN_OPS; TypeScript cannot follow the
    // generic lookup through request's signature, hence the one widening here.
    const client = analysisClient();
    const send = client.request.bind(client) as (
      op: string,
      p: unknown,
      o: object,
    ) => Promise<RunResult<K>>;
    request = send(RUN_OPS[id], params, {
      channel: channelOf(id),
      transfer,
      timeoutMs: RUN_TIMEOUT_MS,
      onProgress,
    });
  } catch (error) {
    request = Promise.reject(error);
  }
  return request.then(
    (result) => {
      if (!mine()) return null;
      analysesStore.getState().patchRun(id, {
        status: 'done',
        progress: 1,
        result,
        resultKey: key,
      });
      return result;
    },
    (error: unknown) => {
      if (!mine()) return null;
      if (error instanceof CancelledError) {
        analysesStore.getState().patchRun(id, { status: 'cancelled' });
      } else if (!isSuperseded(error)) {
        const message = error instanceof Error ? error.message : String(error);
        analysesStore.getState().patchRun(id, { status: 'error', error: message });
      }
      return null;
    },
  );
}

/** Stops slot `id`'s running request (its slot says "cancelled"). */
export function cancelRun(id: RunId): void {
  const client = engine?.client ?? getSession()?.client;
  client?.cancel(channelOf(id));
  const run = analysesStore.getState().runs[id];
  if (run.status === 'running') analysesStore.getState().patchRun(id, { status: 'cancelled' });
}

/** Frees the analyses' worker (tests, page teardown). */
export function stopAnalysisEngine(): void {
  engine?.client.dispose();
  engine = null;
}
