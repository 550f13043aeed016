// The Analyses area's own zustand store (the app store is not split into slices). It starts from
// the link (analyses-url.ts) and, once the area is mounted, mirrors its shareable part back.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AnalysesData,
  AnalysesState,
  AnalysesUrlState,
  RunId,
  RunState,
  Runs,
} from './analyses-types';
import { defaultAnalysesUrlState, readAnalysesUrl, writeAnalysesUrl } from './analyses-url';

export type AnalysesStore = StoreApi<AnalysesState>;

export const TOP_M = { min: 1, max: 5, initial: 3 } as const;
export const PER_CLASS_CHOICES = [5, 10, 20, 50] as const;

function idleRun<T>(): RunState<T> {
  return {
    status: 'idle',
    progress: 0,
    label: '',
    key: null,
    result: null,
    resultKey: null,
    error: null,
  };
}

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
    importance: { status: 'idle', result: null, modelUrl: null, origin: null, error: null },
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
    patchImportance: (patch) => set({ importance: { ...get().importance, ...patch } }),
    patchRun: (id, patch) => {
      const runs = get().runs;
      set({ runs: { ...runs, [id]: { ...runs[id], ...patch } } });
    },
    resetForModel: () =>
      set({
        runs: idleRuns(),
        importance: { status: 'idle', result: null, modelUrl: null, origin: null, error: null },
      }),
  }));
}

const boot =
  typeof location === 'undefined'
    ? { state: defaultAnalysesUrlState(), problems: [] }
    : readAnalysesUrl(location.search);

export const analysesStore: AnalysesStore = createAnalysesStore(initialAnalyses(boot.state));

/** Problems with the link's analysis values, for a notice. */
export const analysesUrlProblems: readonly string[] = boot.problems;

export function useAnalyses<T>(selector: (state: AnalysesState) => T): T {
  return useStore(analysesStore, selector);
}

/** A run slot (stable reference: it only changes when that run changes). */
export function useRun<K extends RunId>(id: K): Runs[K] {
  return useStore(analysesStore, (s) => s.runs[id]);
}

/** The shareable part of the state, for the link (and for the lead's toUrlState). */
export function analysesUrlState(s: AnalysesState = analysesStore.getState()): AnalysesUrlState {
  return {
    analysis: s.analysis,
    epsilon: s.epsilon,
    attackMode: s.attackMode,
    attackTarget: s.attackTarget,
    patch: s.patch,
    shift: s.shift,
  };
}

let syncing: (() => void) | null = null;

/** Mirrors the analyses' link fields into the address bar (replaceState); idempotent. */
export function startAnalysesUrlSync(store: AnalysesStore = analysesStore): () => void {
  if (syncing) return syncing;
  let last = '';
  const write = () => {
    const search = writeAnalysesUrl(analysesUrlState(store.getState()), location.search);
    if (search === last || search === location.search) {
      last = search;
      return;
    }
    last = search;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  };
  write();
  const unsubscribe = store.subscribe(write);
  syncing = () => {
    unsubscribe();
    syncing = null;
  };
  return syncing;
}
