// Backend names and the report of which one is active. Plain data, shared by the worker and the UI.

/** In order of preference for the automatic choice (fastest first, here and on real GPUs). */
export const BACKEND_CHAIN = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKEND_CHAIN)[number];
export type BackendRequest = BackendName | 'auto';

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_CHAIN as readonly string[]).includes(value);
}

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  wasm: 'WASM',
  webgl: 'WebGL',
  cpu: 'CPU',
};

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Passed over by the automatic choice without trying (WebGPU without a hardware adapter). */
  skipped?: boolean;
  /** Why it was skipped or failed; absent when it worked. */
  reason?: string;
}

export interface AdapterReport {
  /** Vendor / architecture / description as the browser reports them (may be empty strings). */
  description: string;
  /** A software adapter (e.g. SwiftShader): works, but far slower than WASM. */
  isFallback: boolean;
}

export interface BackendInfo {
  /** The backend TensorFlow.js is using now. */
  name: BackendName;
  requested: BackendRequest;
  /** Every backend considered, in order, with the reason each one before `name` was passed over. */
  attempts: BackendAttempt[];
  /** A sentence for the user when a forced or expected backend could not be used; else null. */
  fallbackNotice: string | null;
  adapter: AdapterReport | null;
  /** The WASM backend's threads (present when `name` is 'wasm'): how many, and why only one. */
  wasm?: { threads: number; reason: string | null };
}
