// The Analyses area's state: which view is open and its settings (shareable, in the link), the
// cached map importance, and one run slot per analysis. Plain data only; kept in its own store
// (analyses-store.ts) so that the area stays self-contained.
import type { PatchBox, Shift } from '../lib/patch-geometry';
import type { ImportanceResult } from '../analysis/importance';
import type { AttackMode } from '../worker/analysis-protocol';
import type { ResultOf } from '../worker/protocol';

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
export type RunResult<K extends RunId> = ResultOf<(typeof RUN_OPS)[K]>;

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface RunState<T> {
  status: RunStatus;
  /** Fraction done in [0, 1] while running. */
  progress: number;
  /** What the worker is doing now, e.g. "Pathways of every sample". */
  label: string;
  /** What the newest request was for (image, settings, model); `result` answers it when done. */
  key: string | null;
  /** The last finished result (kept, dimmed, while the next one runs). */
  result: T | null;
  /** The key `result` answers. */
  resultKey: string | null;
  error: string | null;
}

export type Runs = { [K in RunId]: RunState<RunResult<K>> };

export type ImportanceOrigin = 'cache' | 'recomputed';

export interface ImportanceState {
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
  patchImportance(patch: Partial<ImportanceState>): void;
  patchRun<K extends RunId>(id: K, patch: Partial<RunState<RunResult<K>>>): void;
  /** A new model: every result and the importance belong to the old one. */
  resetForModel(): void;
}

export type AnalysesState = AnalysesData & AnalysesActions;
