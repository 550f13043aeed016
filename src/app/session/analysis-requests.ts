// The Analyses area's connection to the engine (docs/analyses.md, "Wiring"). Views only call the
// analyses store's requestRun / cancelRun; this module watches the store's run slots, takes each
// request and sends it to the analyses' OWN model worker (a second WorkerClient with the same
// backend and model, started on the first request), so that a 20-second population run never
// queues in front of the Sankey's pixel queries on the session's worker. Each slot has its own
// channel. The newest request per slot wins: an answer is written back only while it answers the
// slot's newest request and the slot still asks for its key (a model change resets the slots).
import type { AnalysesStore } from '../../state/analyses-store';
import {
  RUN_IDS,
  RUN_OPS,
  type RunId,
  type RunParams,
  type RunResult,
} from '../../state/analyses-types';
import type { AppStore } from '../../state/store';
import { LONG_STEP_STALL_MS, type RequestOptions, type WorkerClient } from '../../worker/client';
import { CancelledError, isSuperseded } from '../../worker/errors';
import { loadModelParams } from '../../storage/opened-models';

const INIT_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 120_000;
const RUN_TIMEOUT_MS = 600_000;
/** Progress repaints at most this often (an ablation run reports hundreds of steps a second). */
export const PROGRESS_INTERVAL_MS = 100;

export interface AnalysisRunsOptions {
  analyses: AnalysesStore;
  app: AppStore;
  /** The session's worker client: used itself when it runs on the page's thread (fallback). */
  sessionClient: WorkerClient;
  /** Makes the analyses' own client; called once, on the first request. */
  createClient: () => WorkerClient;
  /** Clock of the progress throttle, in ms (tests). */
  now?: () => number;
}

export interface AnalysisRuns {
  stop(): void;
}

export const channelOf = (id: RunId): string => `analysis:${id}`;

export function startAnalysisRuns(options: AnalysisRunsOptions): AnalysisRuns {
  const { analyses, app, sessionClient, createClient } = options;
  const now = options.now ?? (() => performance.now());
  let engine: { client: WorkerClient; modelUrl: string | null } | null = null;
  /** The ticket of each slot's newest request; answers to older tickets are dropped. */
  const newest: Partial<Record<RunId, number>> = {};
  let tickets = 0;

  /** The analyses' worker client, started on first use and kept on the session's model. */
  const analysisClient = (): WorkerClient => {
    // On the page's own thread a second engine would only compete for the same thread.
    if (sessionClient.runsOnMainThread) return sessionClient;
    const state = app.getState();
    if (!engine) {
      const client = createClient();
      // The session's worker already found what works here: skip probing the others again.
      const backend = state.backend.info?.name ?? state.backend.requested;
      void client
        .request(
          'init',
          { backend },
          {
            channel: 'init',
            replay: true,
            timeoutMs: INIT_TIMEOUT_MS,
            stallMs: LONG_STEP_STALL_MS,
          },
        )
        .catch(() => undefined); // A failed init shows up as the analysis's own error.
      engine = { client, modelUrl: null };
    }
    const url = state.model.summary?.url ?? null;
    if (!url) throw new Error('The model has not loaded yet.');
    if (url !== engine.modelUrl) {
      engine.modelUrl = url;
      const mine = engine;
      // Queued before the analysis on the serial worker, so the analysis sees this model.
      void mine.client
        .request(
          'loadModel',
          // A model opened from files travels with its files (src/storage/opened-models.ts).
          loadModelParams(url),
          {
            channel: 'model',
            replay: true,
            timeoutMs: LOAD_TIMEOUT_MS,
            stallMs: LONG_STEP_STALL_MS,
          },
        )
        .catch(() => {
          if (mine.modelUrl === url) mine.modelUrl = null;
        });
    }
    return engine.client;
  };

  /** A finished importance run becomes the importance the area shows (origin "recomputed"). */
  const adopt = <K extends RunId>(id: K, result: RunResult<K>) => {
    if (id !== 'importance') return;
    const url = app.getState().model.summary?.url ?? null;
    if (url === null || analyses.getState().importance.modelUrl !== url) return;
    analyses.getState().patchImportance({
      status: 'ready',
      result: result as RunResult<'importance'>,
      origin: 'recomputed',
    });
  };

  const send = <K extends RunId>(id: K, key: string, params: RunParams<K>) => {
    const ticket = ++tickets;
    newest[id] = ticket;
    const mine = () => newest[id] === ticket && analyses.getState().runs[id].key === key;
    let lastPaint = -Infinity;
    const onProgress = (fraction: number, label: string) => {
      const t = now();
      if (!mine() || (t - lastPaint < PROGRESS_INTERVAL_MS && fraction < 1)) return;
      lastPaint = t;
      analyses.getState().patchRun(id, { progress: fraction, label });
    };
    let request: Promise<RunResult<K>>;
    try {
      // The op ↔ params ↔ result correlation is fixed by RUN_OPS; TypeScript cannot follow the
      // generic lookup through request's signature, hence the one widening here. No transfer
      // list: postMessage copies the arrays (one copy, as slice() + transfer would cost), so
      // the arrays a view passed, such as the image the app store keeps, stay usable.
      const client = analysisClient();
      const request_ = client.request.bind(client) as (
        op: string,
        p: unknown,
        o: RequestOptions,
      ) => Promise<RunResult<K>>;
      request = request_(RUN_OPS[id], params, {
        channel: channelOf(id),
        timeoutMs: RUN_TIMEOUT_MS,
        stallMs: LONG_STEP_STALL_MS,
        onProgress,
      });
    } catch (error) {
      request = Promise.reject(error);
    }
    request.then(
      (result) => {
        if (!mine()) return;
        analyses.getState().patchRun(id, { status: 'done', progress: 1, result, resultKey: key });
        adopt(id, result);
      },
      (error: unknown) => {
        if (!mine()) return;
        if (error instanceof CancelledError) {
          analyses.getState().patchRun(id, { status: 'cancelled' });
        } else if (!isSuperseded(error)) {
          const message = error instanceof Error ? error.message : String(error);
          analyses.getState().patchRun(id, { status: 'error', error: message });
        }
      },
    );
  };

  const cancel = (id: RunId) => {
    delete newest[id];
    (engine?.client ?? sessionClient).cancel(channelOf(id));
  };

  // Takes every waiting command. Taking one changes the store, which calls this again: the
  // guard makes that a no-op, and the loop reads the store afresh until nothing waits.
  let taking = false;
  const take = () => {
    if (taking) return;
    taking = true;
    try {
      for (let again = true; again;) {
        again = false;
        for (const id of RUN_IDS) {
          const command = analyses.getState().runs[id].command;
          if (!command) continue;
          again = true;
          analyses.getState().patchRun(id, { command: null });
          if (command.kind === 'run') send(id, command.key, command.params);
          else cancel(id);
        }
      }
    } finally {
      taking = false;
    }
  };

  const unsubscribe = analyses.subscribe(take);
  take();
  return {
    stop() {
      unsubscribe();
      engine?.client.dispose();
      engine = null;
    },
  };
}
