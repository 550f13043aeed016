import { analysesStore, useRun } from '../../state/analyses-store';
import type { RunId } from '../../state/analyses-types';

interface Props {
  /** The run slot shown (its test id is `run-<id>`). */
  id: RunId;
  /** Shown when nothing has run yet. */
  idle?: string;
}

/** Progress with a Cancel button while a run is going; otherwise how the last one ended. */
export function RunStatus({ id, idle }: Props) {
  const run = useRun(id);
  const pct = Math.round(run.progress * 100);
  return (
    <div className="an-run" data-testid={`run-${id}`} data-status={run.status} aria-live="polite">
      {run.status === 'running' && (
        <>
          <progress max={100} value={pct} aria-label={run.label || 'Working'} />
          <span className="an-run-label">
            {run.label || 'Working'} · {pct}%
          </span>
          <button
            type="button"
            className="an-button an-button-quiet"
            onClick={() => analysesStore.getState().cancelRun(id)}
          >
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
