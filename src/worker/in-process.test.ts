import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { WorkerClient } from './client';
import { createHandlers } from './handlers';
import { createInProcessWorker } from './in-process';
import { buildTestModel, nodeBackendEnv } from './test-model.test-util';

describe('main-thread fallback', () => {
  it('runs the same handlers behind the same client, with transfer semantics', async () => {
    const client = new WorkerClient(() =>
      createInProcessWorker(async () => ({
        handlers: createHandlers({
          backendEnv: nodeBackendEnv,
          loader: async () => buildTestModel(),
        }),
      })),
    );
    expect(client.runsOnMainThread).toBe(true);
    const info = await client.request('init', { backend: 'cpu' });
    expect(info.name).toBe('cpu');
    await client.request('loadModel', { url: 'mem://m' });
    const image = new Float32Array(784).fill(0.5);
    const result = await client.request('predict', { image }, { transfer: [image.buffer] });
    expect(image.length).toBe(0); // transferred, as with a real worker
    expect(result.probabilities).toHaveLength(10);
    client.dispose();
  });

  it('turns a failed start into a worker error', async () => {
    const worker = createInProcessWorker(async () => {
      throw new Error('no runtime');
    });
    const message = await new Promise<string>((resolve) => {
      worker.onerror = (e) => resolve((e as ErrorEvent).message);
    });
    expect(message).toBe('no runtime');
  });
});
