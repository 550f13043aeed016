// The diagnostics operation `memory` (the storm test and the soak read it, docs/reliability.md).
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { handlerHarness as harness } from './harness.test-util';
import { tensorCount } from './test-model.test-util';

describe('the memory operation', () => {
  it('reports zeros before init (it never starts a backend itself)', async () => {
    const h = harness();
    const id = h.send({ op: 'memory', channel: 'diagnostics', params: {} });
    await h.dispatcher.idle();
    expect(h.answer(id)).toMatchObject({
      type: 'result',
      result: {
        numTensors: 0,
        numBytes: 0,
        numDataBuffers: 0,
        models: { kept: 0, tensors: 0, bytes: 0 },
        backend: null,
      },
    });
  });

  it("reports tf.memory() and the backend, after the queue's earlier work", async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const id = h.send({ op: 'memory', channel: 'diagnostics', params: {} });
    await h.dispatcher.idle();
    const answer = h.answer(id);
    if (answer?.type !== 'result' || answer.op !== 'memory') throw new Error('no memory answer');
    expect(answer.result.backend).toBe('cpu');
    expect(answer.result.numTensors).toBe(tensorCount());
    // The loaded model's weights are counted.
    expect(answer.result.numTensors).toBeGreaterThan(0);
    expect(answer.result.numBytes).toBeGreaterThan(0);
    // The kept model's weights are named as such: the test model has weights, all kept.
    expect(answer.result.models.kept).toBe(1);
    expect(answer.result.models.tensors).toBeGreaterThan(0);
    expect(answer.result.models.tensors).toBeLessThanOrEqual(answer.result.numTensors);
    expect(answer.result.models.bytes).toBeLessThanOrEqual(answer.result.numBytes);
  });
});
