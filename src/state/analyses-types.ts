// The Analyses area's state: which view is open and its settings (shareable, in the link), the
// cached map importance, and one run slot per analysis. Plain data only; kept in its own store
// (analyses-store.ts) so that the area stays self-contained. Views ask for work through the
// store's actions (requestRun, cancelRun, requestImportance); the session layer
// (src/app/session/analysis-*.ts) reacts and talks to the worker (docs/analyses.md, "Wiring").
import type { PatchBox, Shift } from '../lib/patch-geometry';
import type { ImportanceResult } from '../analysis/importance';
import type { AttackMode } from '../worker/analysis-protocol';
import type { ParamsOf, ResultOf } from '../worker/protocol';

export const ANALYSIS_IDS = [
  'importance',
  'overlap',
  'consistency',
  'portion-hot',
  'attack',
  'occlusion',
  'movement',
  'groups',
] as const;
export type AnalysisId = (typeof ANALYSIS_IDS)[number];

export function isAnalysisId(text: string): text is AnalysisId {
  return (ANALYSIS_IDS as readonly string[]).includes(text);
}

/** Each run slot and the worker operation that fills it. */
export const RUN_OPS = {
  importance: 'analysisImportance',
  overlap: 'analysisOverlap',
  sampleSet: 'analysisSampleSet',
  attack: 'analysisAttack',
  occlusion: 'analysisOcclusion',
  movement: 'analysisMovement',
  groups: 'analysisGroups',
} as const;
export type RunId = keyof typeof RUN_OPS;
export const RUN_IDS = Object.keys(RUN_OPS) as RunId[];
export type RunResult<K extends RunId> = ResultOf<(typeof RUN_OPS)[K]>;
export type RunParams<K extends RunId> = ParamsOf<(typeof RUN_OPS)[K]>;

/**
 * What a view asked of its slot that the session has not taken yet: run for `key` with `params`,
 * or stop. The session takes it (sets it back to null) as soon as the store changes, so the store
 * does not keep a request's arrays.
 */
export type RunCommand<P> = { kind: 'run'; key: string; params: P } | { kind: 'cancel' };

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface RunState<T, P = unknown> {
  status: RunStatus;
  /** Fraction done in [0, 1] while running. */
  progress: number;
  /** What the worker is doing now, e.g. "Pathways of every sample". */
  label: string;
  /** What the newest request was for (image, settings, model); `result` answers it when done. */
  key: string | null;
  /** The last finished result (kept, dimmed, while the next one runs). */
  result: T | null;
  /** The key `result` answers. A result is stale when this differs from the key of what the view
   *  shows now (isStale in src/components/analyses/use-analysis-run.ts). */
  resultKey: string | null;
  error: string | null;
  /** The request waiting for the session (see RunCommand); null once taken. */
  command: RunCommand<P> | null;
}

export type Runs = { [K in RunId]: RunState<RunResult<K>, RunParams<K>> };

export type ImportanceOrigin = 'cache' | 'recomputed';

export interface ImportanceState {
  /** 'idle': not loaded yet; the session then loads the cache of the current model. */
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  result: ImportanceResult | null;
  /** model.json URL the result belongs to. */
  modelUrl: string | null;
  origin: ImportanceOrigin | null;
  error: string | null;
}

/** The part of the state mirrored in the link (analyses-url.ts). */
export interface AnalysesUrlState {
  analysis: AnalysisId | null;
  epsilon: number;
  attackMode: AttackMode;
  attackTarget: number | null;
  patch: PatchBox | null;
  shift: Shift;
}

export interface AnalysesData extends AnalysesUrlState {
  /** m of the top-m maps, for overlap and for marking important maps. */
  topM: number;
  /** Samples per class for the population analyses. */
  perClass: number;
  /** Mark the important maps in the Sankey. */
  markInSankey: boolean;
  importance: ImportanceState;
  runs: Runs;
}

export interface AnalysesActions {
  open(id: AnalysisId | null): void;
  setEpsilon(epsilon: number): void;
  setAttackMode(mode: AttackMode): void;
  setAttackTarget(target: number | null): void;
  setPatch(patch: PatchBox | null): void;
  setShift(shift: Shift): void;
  setTopM(m: number): void;
  setPerClass(n: number): void;
  setMarkInSankey(on: boolean): void;
  /** Asks for slot `id` to be computed for `key` (what it is about: image, settings, model) with
   *  `params`. It shows as running at once; the newest request per slot wins. The store keeps
   *  the arrays of `params` only until the session takes the request. */
  requestRun<K extends RunId>(id: K, key: string, params: RunParams<K>): void;
  /** Stops slot `id`'s run (its slot says "cancelled"). */
  cancelRun(id: RunId): void;
  /** Drops the importance shown (e.g. a recomputed one); the session loads the cached one again. */
  requestImportance(): void;
  /** For the session: what the worker answered. */
  patchImportance(patch: Partial<ImportanceState>): void;
  patchRun<K extends RunId>(id: K, patch: Partial<RunState<RunResult<K>, RunParams<K>>>): void;
  /** A new model: every result and the importance belong to the old one. */
  resetForModel(): void;
}

export type AnalysesState = AnalysesData & AnalysesActions;
