// The browser's backend environment: registers every TensorFlow.js backend and serves the WASM
// binaries from our own site (no CDN, no external request, ever), threaded where the page allows.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import type { BackendEnv } from './backend';
import type { AdapterReport, BackendInfo } from './backend-types';
import { trySetBackend } from './set-backend';
import { planWasmThreads, type WasmThreadsPlan, type WasmThreadsRequest } from './wasm-threads';

// The threaded SIMD binary when the page is cross-origin isolated (wasm-threads.ts), else the
// single-threaded SIMD one; without SIMD support tfjs picks the plain binary. All three are served
// by the site itself (no CDN). The threaded binary's pthreads are workers tfjs starts from blob:
// URLs (its glue code inlined), which the page's CSP allows in worker-src (docs/hosting.md).
setWasmPaths({
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

let plan: WasmThreadsPlan = { threaded: false, threads: 1, reason: 'not configured' };
configureWasmThreads('auto');

/**
 * Decides the WASM backend's threads from this context (a worker of a cross-origin isolated
 * page can share memory). Call before the WASM backend starts; later calls change nothing.
 */
export function configureWasmThreads(request: WasmThreadsRequest): WasmThreadsPlan {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: Navigator };
  plan = planWasmThreads(request, {
    crossOriginIsolated: g.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
    hardwareConcurrency: g.navigator?.hardwareConcurrency ?? 1,
  });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', plan.threaded);
  setThreadsCount(plan.threads);
  return plan;
}

/** The WASM backend's threads once it runs (for BackendInfo.wasm). */
export function wasmThreadsReport(): NonNullable<BackendInfo['wasm']> {
  let threads = plan.threads;
  try {
    threads = getThreadsCount();
  } catch {
    // Not initialised: report the plan.
  }
  return { threads: plan.threaded ? threads : 1, reason: plan.reason };
}

/** The subset of WebGPU we touch; TypeScript's DOM library does not declare WebGPU here. */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: {
    vendor?: string;
    architecture?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

async function probeAdapter(): Promise<AdapterReport | null> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter();
  if (!adapter) return null;
  const info = adapter.info;
  const description = [info?.vendor, info?.architecture, info?.description]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' ');
  return {
    description,
    isFallback: Boolean(info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false),
  };
}

/**
 * tfjs's WASM backend sizes its thread pool once, when the module starts, as
 * min(requested, hardwareConcurrency / 2) (tfjs-backend-wasm/src/cc/backend.cc: it takes half the
 * logical cores to be physical cores), so a 2-core machine always got 1 thread. While the
 * threaded module starts, this context's navigator reports twice the planned threads, so the
 * pool gets exactly `plan.threads` (wasm-threads.ts chose them from the real count); the real
 * value is back as soon as the backend is up.
 */
async function withThreadsVisible<T>(run: () => Promise<T>): Promise<T> {
  const nav = (globalThis as { navigator?: object }).navigator;
  if (!plan.threaded || !nav) return run();
  Object.defineProperty(nav, 'hardwareConcurrency', {
    configurable: true,
    get: () => plan.threads * 2,
  });
  try {
    return await run();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

export const browserBackendEnv: BackendEnv = {
  probeAdapter,
  trySet: (name) =>
    name === 'wasm' ? withThreadsVisible(() => trySetBackend(name)) : trySetBackend(name),
};
