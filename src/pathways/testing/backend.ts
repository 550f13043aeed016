// Test/script helper: the wasm backend in Node (single-threaded SIMD, see docs/benchmarks.md).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

export async function useWasm(): Promise<void> {
  if (tf.getBackend() !== 'wasm') {
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new Error('The wasm backend did not start.');
  }
  await tf.ready();
}
