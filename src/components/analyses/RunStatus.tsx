import type { RunState } from '../../state/analyses-types';

interface Props<T> {
  run: RunState<T>;
  onCancel: () => void;
  /** Shown when nothing has run yet. */
  idle?: string;
  testId: string;
}

/** Progress with a Cancel button while a run is going; otherwise how the last one ended. */
export function RunStatus<T>({ run, onCancel, idle, testId }: Props<T>) {
  const pct = Math.round(run.progress * 100);
  return (
    <div className="an-run" data-testid={testId} data-status={run.status} aria-live="polite">
      {run.status === 'running' && (
        <>
          <progress max={100} value={pct} aria-label={run.label || 'Working'} />
          <span className="an-run-label">
            {run.label || 'Working'} · {pct}%
          </span>
          <button type="button" className="an-button an-button-quiet" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      {run.status === 'cancelled' && <span className="an-run-label">Cancelled.</span>}
      {run.status === 'error' && (
        <span className="an-run-error" role="alert">
          {run.error}
        </span>
      )}
      {run.status === 'idle' && idle && <span className="an-run-label">{idle}</span>}
    </div>
  );
}
