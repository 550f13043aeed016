// The browser's backend environment: registers every TensorFlow.js backend and serves the WASM
// binaries from our own site (no CDN, no external request, ever).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import type { BackendEnv } from './backend';
import type { AdapterReport } from './backend-types';
import { trySetBackend } from './set-backend';

// Single-threaded SIMD: the threaded build hung in a minified production build, and two cores gain
// nothing from threads. Without SIMD support tfjs picks the plain binary. setWasmPaths insists on
// an entry for every binary; the threaded one is never fetched (multithreading is off), so it
// points at the SIMD file rather than shipping a third binary.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths({
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
});

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

export const browserBackendEnv: BackendEnv = {
  probeAdapter,
  trySet: trySetBackend,
};
