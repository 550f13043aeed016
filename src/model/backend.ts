// Chooses the TensorFlow.js backend. The decision is pure over a small environment interface so
// that it runs the same in the worker, on the main thread, and in Node tests with fakes.
import {
  BACKEND_CHAIN,
  BACKEND_LABELS,
  type AdapterReport,
  type BackendAttempt,
  type BackendInfo,
  type BackendName,
  type BackendRequest,
} from './backend-types';

export interface BackendEnv {
  /** The WebGPU adapter the browser would give us, or null when there is none. */
  probeAdapter(): Promise<AdapterReport | null>;
  /** Tries to make `name` the active backend; resolves with a reason when it cannot. */
  trySet(name: BackendName): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/**
 * Automatic choice: WebGPU only on a real (hardware) adapter, because a software adapter is about
 * 100× slower than WASM; then WASM, WebGL, CPU. A forced backend is tried first whatever the
 * adapter (a forced WebGPU uses a software adapter too); if it fails, the automatic chain follows
 * and the notice says so.
 */
export async function chooseBackend(
  requested: BackendRequest,
  env: BackendEnv,
): Promise<BackendInfo> {
  const attempts: BackendAttempt[] = [];
  const adapter = await env.probeAdapter().catch(() => null);

  const forced = requested === 'auto' ? null : requested;
  const order: BackendName[] = forced
    ? [forced, ...BACKEND_CHAIN.filter((b) => b !== forced)]
    : [...BACKEND_CHAIN];

  for (const name of order) {
    if (name === 'webgpu' && name !== forced) {
      if (!adapter) {
        attempts.push({ name, ok: false, skipped: true, reason: 'no WebGPU adapter' });
        continue;
      }
      if (adapter.isFallback) {
        attempts.push({
          name,
          ok: false,
          skipped: true,
          reason: 'only a software (fallback) WebGPU adapter',
        });
        continue;
      }
    }
    const result = await env.trySet(name);
    if (result.ok) {
      attempts.push({ name, ok: true });
      return {
        name,
        requested,
        attempts,
        fallbackNotice: fallbackNotice(forced, name, attempts),
        adapter,
      };
    }
    attempts.push({ name, ok: false, reason: result.reason });
  }
  const summary = attempts.map((a) => `${BACKEND_LABELS[a.name]}: ${a.reason ?? 'ok'}`).join('; ');
  throw new Error(`No TensorFlow.js backend could start (${summary}).`);
}

function fallbackNotice(
  forced: BackendName | null,
  chosen: BackendName,
  attempts: BackendAttempt[],
): string | null {
  const failed = attempts.filter((a) => !a.ok && !a.skipped);
  if (forced && forced !== chosen) {
    const reason = attempts.find((a) => a.name === forced)?.reason ?? 'unavailable';
    return `The requested ${BACKEND_LABELS[forced]} backend could not start (${reason}); using ${BACKEND_LABELS[chosen]} instead.`;
  }
  // Skipping WebGPU without a hardware adapter is the normal case; only real failures are news.
  if (!forced && failed.length > 0) {
    const list = failed.map((a) => `${BACKEND_LABELS[a.name]} (${a.reason})`).join(', ');
    return `${list} could not start; using ${BACKEND_LABELS[chosen]} instead.`;
  }
  return null;
}
