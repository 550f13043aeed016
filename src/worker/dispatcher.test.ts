import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handler-types';
import type { FromWorker } from './protocol';

describe('dispatcher timings', () => {
  it('sends when each result was received, started and finished', async () => {
    let clock = 100;
    const handlers = {
      memory: async () => {
        clock += 7; // the handler's own time
        return { numTensors: 0, numBytes: 0, numDataBuffers: 0, backend: null };
      },
    } as unknown as Handlers;
    const posted: FromWorker[] = [];
    const d = createDispatcher(
      handlers,
      (m) => posted.push(m),
      () => clock++,
    );
    d.onMessage({ type: 'request', id: 1, op: 'memory', channel: 'm', params: {} });
    await d.idle();
    const result = posted.find((m) => m.type === 'result');
    expect(result?.type === 'result' && result.timing).toEqual({
      received: 100,
      started: 101,
      finished: 109,
    });
  });
});
