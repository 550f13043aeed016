import { BACKEND_LABELS } from '../../model/backend-types';
import { threadsLabel } from '../../model/wasm-threads';
import { useAppState } from '../../state/store';

/** Which TensorFlow.js backend runs the model, and where (worker or page thread). */
export function BackendBadge() {
  const info = useAppState((s) => s.backend.info);
  const error = useAppState((s) => s.backend.error);
  const mainThread = useAppState((s) => s.backend.runsOnMainThread);

  // WASM says how many threads it runs on ("WASM · 4 threads"): threaded only when isolated.
  const threads = info?.wasm ? ` · ${threadsLabel(info.wasm.threads)}` : '';
  const label = info
    ? `${BACKEND_LABELS[info.name]}${threads}`
    : error
      ? 'No backend'
      : 'Starting…';
  const details = info
    ? [
        `TensorFlow.js backend: ${BACKEND_LABELS[info.name]}`,
        info.requested === 'auto' ? 'chosen automatically' : `requested: ${info.requested}`,
        info.wasm
          ? `WASM threads: ${info.wasm.threads}${info.wasm.reason ? ` (${info.wasm.reason})` : ''}`
          : null,
        ...info.attempts.filter((a) => !a.ok).map((a) => `${BACKEND_LABELS[a.name]}: ${a.reason}`),
        info.adapter
          ? `WebGPU adapter: ${info.adapter.description || 'unnamed'}${info.adapter.isFallback ? ' (software)' : ''}`
          : null,
        mainThread ? 'running on the page thread (no worker)' : 'running in a worker',
      ]
        .filter(Boolean)
        .join('\n')
    : (error ?? 'Starting TensorFlow.js');

  return (
    <span
      className="backend-badge"
      data-testid="backend"
      data-backend={info?.name ?? ''}
      data-threads={info?.wasm?.threads}
      data-state={info ? 'ready' : error ? 'error' : 'starting'}
      data-fallback={info?.fallbackNotice ? 'true' : 'false'}
      title={details}
    >
      <span className="backend-dot" aria-hidden="true" />
      <span className="visually-hidden">Backend: </span>
      {label}
      {mainThread && <span className="backend-note"> · page thread</span>}
    </span>
  );
}
