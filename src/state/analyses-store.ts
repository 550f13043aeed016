// The Analyses area's own zustand store (the app store is not split into slices). It starts from
// the link (its fields: analyses-url.ts, read once by url.ts for both stores); the one URL writer
// (url-sync.ts) mirrors its shareable part back.
// Views call its actions; the session (src/app/session/analysis-*.ts) takes the run requests and
// importance loads from here to the worker and writes the answers back (docs/analyses.md).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AnalysesData,
  AnalysesState,
  AnalysesUrlState,
  ImportanceState,
  RunId,
  RunState,
  Runs,
} from './analyses-types';
import { ANALYSES_URL_FIELDS, defaultAnalysesUrlState } from './analyses-url';
import { pickFields } from './url';
import { bootLink } from './url-boot';

export type AnalysesStore = StoreApi<AnalysesState>;

export const TOP_M = { min: 1, max: 5, initial: 3 } as const;
export const PER_CLASS_CHOICES = [5, 10, 20, 50] as const;

function idleRun<T, P>(): RunState<T, P> {
  return {
    status: 'idle',
    progress: 0,
    label: '',
    key: null,
    result: null,
    resultKey: null,
    error: null,
    command: null,
  };
}

const idleImportance = (): ImportanceState => ({
  status: 'idle',
  result: null,
  modelUrl: null,
  origin: null,
  error: null,
});

function idleRuns(): Runs {
  return {
    importance: idleRun(),
    overlap: idleRun(),
    sampleSet: idleRun(),
    attack: idleRun(),
    occlusion: idleRun(),
    movement: idleRun(),
    groups: idleRun(),
  };
}

export function initialAnalyses(url: AnalysesUrlState = defaultAnalysesUrlState()): AnalysesData {
  return {
    ...url,
    topM: TOP_M.initial,
    perClass: 20,
    markInSankey: true,
    importance: idleImportance(),
    runs: idleRuns(),
  };
}

export function createAnalysesStore(data: AnalysesData = initialAnalyses()): AnalysesStore {
  return createStore<AnalysesState>()((set, get) => ({
    ...data,
    open: (analysis) => set({ analysis }),
    setEpsilon: (epsilon) => set({ epsilon }),
    setAttackMode: (attackMode) => set({ attackMode }),
    setAttackTarget: (attackTarget) => set({ attackTarget }),
    setPatch: (patch) => set({ patch }),
    setShift: (shift) => {
      const s = get().shift;
      if (s.dx !== shift.dx || s.dy !== shift.dy) set({ shift });
    },
    setTopM: (topM) => set({ topM }),
    setPerClass: (perClass) => set({ perClass }),
    setMarkInSankey: (markInSankey) => set({ markInSankey }),
    requestRun: (id, key, params) =>
      get().patchRun(id, {
        status: 'running',
        progress: 0,
        label: 'Starting',
        key,
        error: null,
        command: { kind: 'run', key, params },
      }),
    cancelRun: (id) => {
      const running = get().runs[id].status === 'running';
      get().patchRun(id, {
        ...(running ? { status: 'cancelled' as const } : {}),
        command: { kind: 'cancel' },
      });
    },
    requestImportance: () =>
      set({ importance: { ...get().importance, status: 'idle', modelUrl: null } }),
    patchImportance: (patch) => set({ importance: { ...get().importance, ...patch } }),
    patchRun: (id, patch) => {
      const runs = get().runs;
      set({ runs: { ...runs, [id]: { ...runs[id], ...patch } } });
    },
    resetForModel: () => set({ runs: idleRuns(), importance: idleImportance() }),
  }));
}

export const analysesStore: AnalysesStore = createAnalysesStore(
  initialAnalyses(pickFields(bootLink.state, ANALYSES_URL_FIELDS)),
);

export function useAnalyses<T>(selector: (state: AnalysesState) => T): T {
  return useStore(analysesStore, selector);
}

/** A run slot (stable reference: it only changes when that run changes). */
export function useRun<K extends RunId>(id: K): Runs[K] {
  return useStore(analysesStore, (s) => s.runs[id]);
}
