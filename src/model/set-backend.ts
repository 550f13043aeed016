// Activates one TensorFlow.js backend, turning every way it can fail into a readable reason.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './backend-types';

export async function trySetBackend(
  name: BackendName,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  // An unregistered backend (e.g. WebGPU when navigator.gpu is missing) makes setBackend throw.
  if (!tf.findBackendFactory(name)) return { ok: false, reason: 'not supported by this browser' };
  try {
    // setBackend resolves false (it does not throw) when the factory fails, e.g. no adapter.
    const ok = await tf.setBackend(name);
    if (!ok) return { ok: false, reason: 'failed to initialise' };
    await tf.ready();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
