import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { handlerHarness as harness } from './harness.test-util';

function image(seed: number): Float32Array {
  const x = new Float32Array(784);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 7919 + seed * 104729) % 1000) / 1000;
  return x;
}

describe('queries that name their image by key (kept-images.ts)', () => {
  it('answers a key-only query like one with the pixels, from the same gates', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const options = { chains: false };
    const first = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { image: image(4), imageKey: '12', pixels: [300], options },
    });
    await h.dispatcher.idle();
    const gates = h.state.pathways.gates?.gates;
    expect(h.state.pathways.gates?.key).toBe('12');
    const again = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { imageKey: '12', pixels: [300], options },
    });
    const other = h.send({
      op: 'queryPixels',
      channel: 'other',
      params: { imageKey: '12', pixels: [301], options },
    });
    await h.dispatcher.idle();
    const a = h.answer(first);
    const b = h.answer(again);
    if (a?.type !== 'result' || b?.type !== 'result' || a.op !== 'queryPixels')
      throw new Error(JSON.stringify({ a, b }));
    if (b.op !== 'queryPixels') throw new Error('no query');
    expect(b.result.nodeFlow).toEqual(a.result.nodeFlow);
    expect(b.result.relevance).toBe(a.result.relevance);
    expect(h.answer(other)).toMatchObject({ type: 'result', result: { pixels: [301] } });
    // Matched by key: the gates were not recomputed.
    expect(h.state.pathways.gates?.gates).toBe(gates);
  });

  it('says ImageNotHeldError for a key it was never sent, and the forward data accepts a key', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const unknown = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { imageKey: 'never', pixels: [300] },
    });
    const forward = h.send({
      op: 'imageForward',
      channel: 'forward',
      params: { image: image(5), imageKey: '13' },
    });
    const byKey = h.send({
      op: 'queryPixels',
      channel: 'query2',
      params: { imageKey: '13', pixels: [300], options: { chains: false } },
    });
    await h.dispatcher.idle();
    expect(h.answer(unknown)).toMatchObject({
      type: 'error',
      error: { name: 'ImageNotHeldError' },
    });
    expect(h.answer(forward)).toMatchObject({ type: 'result' });
    expect(h.answer(byKey)).toMatchObject({ type: 'result', result: { pixels: [300] } });
  });
});
