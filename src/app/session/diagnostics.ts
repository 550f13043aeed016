// A debug hook for the storm test and the soak (e2e/storms.spec.ts, scripts/soak.ts;
// docs/reliability.md, "Storms and soaks"). Started by startSession ONLY when the page's link has
// `?diagnostics=1`: it then puts `window.__pathwayLensDiagnostics` on the page and counts the
// page's live timers; without the parameter nothing here runs and nothing is installed.
//
// What it reports: each worker's TensorFlow.js memory (the `memory` operation, through the same
// serial queue as everything else, so it answers once the work sent before it is done), the
// requests still pending in each worker client, the page's live timeouts and intervals, the
// analyses' run slots and a few facts of the view (model, selection, class, Sankey status).
import { analysesStore } from '../../state/analyses-store';
import { RUN_IDS, type RunId, type RunStatus } from '../../state/analyses-types';
import type { AppStore } from '../../state/store';
import type { WorkerClient } from '../../worker/client';
import type { WorkerMemory } from '../../worker/protocol';

export const DIAGNOSTICS_PARAM = 'diagnostics';
export const DIAGNOSTICS_GLOBAL = '__pathwayLensDiagnostics';

/** Whether the link asks for the hook (`?diagnostics=1`). */
export function diagnosticsRequested(search: string): boolean {
  return new URLSearchParams(search).get(DIAGNOSTICS_PARAM) === '1';
}

export interface TimerCounts {
  /** setTimeout callbacks scheduled and neither run nor cleared. */
  timeouts: number;
  /** setInterval timers not cleared. */
  intervals: number;
}

export interface ViewFacts {
  modelId: string;
  modelStatus: string;
  modelUrl: string | null;
  /** The committed selection, flat indices. */
  selection: number[];
  targetClass: number | null;
  /** The pathways slice: its status and the selection its result answers (flat indices). */
  pathwaysStatus: string;
  pathwaysPixels: number[];
  pathwaysClass: number | null;
  imageVersion: number | null;
}

export interface RunFacts {
  status: RunStatus;
  key: string | null;
  resultKey: string | null;
}

export interface PathwayLensDiagnostics {
  /** tf.memory() of each worker; `analyses` is null until the Analyses area started its worker. */
  memory(): Promise<{ session: WorkerMemory; analyses: WorkerMemory | null }>;
  /** Requests waiting for an answer in each client (null: no analyses client yet). */
  pending(): { session: number; analyses: number | null };
  timers(): TimerCounts;
  /** Each analysis slot: its status, the key of its newest request and of its result. */
  runs(): Record<RunId, RunFacts>;
  view(): ViewFacts;
}

export interface Diagnostics {
  /** Records the analyses' own worker client (made lazily by analysis-requests.ts). */
  trackAnalyses(client: WorkerClient): WorkerClient;
}

type TimerHost = Pick<
  typeof globalThis,
  'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'
>;

/** Wraps the host's timer functions to count the live ones (installed once per page). */
export function countTimers(host: TimerHost): () => TimerCounts {
  const timeouts = new Set<unknown>();
  const intervals = new Set<unknown>();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = host;
  const wrapped: TimerHost = {
    setTimeout: ((handler: unknown, ms?: number, ...args: unknown[]) => {
      if (typeof handler !== 'function') return st(handler as () => void, ms);
      const id = st(() => {
        timeouts.delete(id);
        (handler as (...a: unknown[]) => void)(...args);
      }, ms);
      timeouts.add(id);
      return id;
    }) as TimerHost['setTimeout'],
    clearTimeout: ((id?: unknown) => {
      timeouts.delete(id);
      ct(id as Parameters<typeof ct>[0]);
    }) as TimerHost['clearTimeout'],
    setInterval: ((handler: unknown, ms?: number, ...args: unknown[]) => {
      const id = si(handler as () => void, ms, ...args);
      intervals.add(id);
      return id;
    }) as TimerHost['setInterval'],
    clearInterval: ((id?: unknown) => {
      intervals.delete(id);
      ci(id as Parameters<typeof ci>[0]);
    }) as TimerHost['clearInterval'],
  };
  Object.assign(host, wrapped);
  return () => ({ timeouts: timeouts.size, intervals: intervals.size });
}

const MEMORY_CHANNEL = 'diagnostics:memory';

function memoryOf(client: WorkerClient): Promise<WorkerMemory> {
  // No timeout: a timed-out request restarts the worker, which a diagnostic must never cause.
  return client.request('memory', {}, { channel: MEMORY_CHANNEL, timeoutMs: Infinity });
}

export function startDiagnostics(
  store: AppStore,
  client: WorkerClient,
  host: typeof globalThis = globalThis,
): Diagnostics {
  let analyses: WorkerClient | null = null;
  const timers = countTimers(host);
  const hook: PathwayLensDiagnostics = {
    async memory() {
      const [session, other] = await Promise.all([
        memoryOf(client),
        analyses ? memoryOf(analyses) : Promise.resolve(null),
      ]);
      return { session, analyses: other };
    },
    pending: () => ({ session: client.pendingCount, analyses: analyses?.pendingCount ?? null }),
    timers,
    runs() {
      const runs = analysesStore.getState().runs;
      const facts = (id: RunId): RunFacts => {
        const { status, key, resultKey } = runs[id];
        return { status, key, resultKey };
      };
      return Object.fromEntries(RUN_IDS.map((id) => [id, facts(id)])) as Record<RunId, RunFacts>;
    },
    view() {
      const s = store.getState();
      const result = s.pathways.result;
      return {
        modelId: s.modelId,
        modelStatus: s.model.status,
        modelUrl: s.model.summary?.url ?? null,
        selection: [...(s.selection?.pixels ?? [])],
        targetClass: s.targetClass,
        pathwaysStatus: s.pathways.status,
        pathwaysPixels: result ? [...result.pixels] : [],
        pathwaysClass: result ? result.classIndex : null,
        imageVersion: s.image?.version ?? null,
      };
    },
  };
  (host as unknown as Record<string, unknown>)[DIAGNOSTICS_GLOBAL] = hook;
  return {
    trackAnalyses(c) {
      analyses = c;
      return c;
    },
  };
}
