// The one run hook of the Analyses area. A view names its slot, the key of what it shows now
// (image, settings, model: null while it cannot run) and how to build the request; the hook gives
// back the slot, whether its result is stale, and start/cancel. Both are store actions: the
// session (src/app/session/analysis-requests.ts) sends them to the worker (docs/analyses.md).
import { useEffect, useRef } from 'react';
import { analysesStore, useRun } from '../../state/analyses-store';
import type { RunId, RunParams, RunState, Runs } from '../../state/analyses-types';

/** The one staleness rule: a result is stale when it answers another key than the view's now. */
export function isStale<T, P>(run: RunState<T, P>, key: string | null): boolean {
  return run.result !== null && run.resultKey !== key;
}

/** Requests slot `id` for `key` (nothing while the key or the params are missing). */
function request<K extends RunId>(
  id: K,
  { key, params }: { key: string | null; params: () => RunParams<K> | null },
): void {
  const p = key === null ? null : params();
  if (key !== null && p !== null) analysesStore.getState().requestRun(id, key, p);
}

export interface AnalysisRun<K extends RunId> {
  run: Runs[K];
  result: Runs[K]['result'];
  /** Shown dimmed (RunResult) while true. */
  stale: boolean;
  running: boolean;
  /** Requests the run for the current key (nothing while the key or the params are missing). */
  start(): void;
}

export interface RunOptions {
  /**
   * Per-image views: rerun by themselves this many ms after the key changes, so that dragging a
   * slider or a patch sends one request per pause, not one per pixel moved.
   */
  autoMs?: number;
}

export function useAnalysisRun<K extends RunId>(
  id: K,
  key: string | null,
  params: () => RunParams<K> | null,
  options: RunOptions = {},
): AnalysisRun<K> {
  const run = useRun(id);
  const latest = useRef({ key, params });
  useEffect(() => {
    latest.current = { key, params };
  });

  const { autoMs } = options;
  const runKey = run.key;
  useEffect(() => {
    // The same key again (e.g. after a cancel) does not rerun by itself: the user asks.
    if (autoMs === undefined || key === null || key === runKey) return;
    const timer = setTimeout(() => request(id, latest.current), autoMs);
    return () => clearTimeout(timer);
  }, [id, key, runKey, autoMs]);

  return {
    run,
    result: run.result,
    stale: isStale(run, key),
    running: run.status === 'running',
    start: () => request(id, latest.current),
  };
}
