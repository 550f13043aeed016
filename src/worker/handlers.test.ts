import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { handlerHarness as harness } from './harness.test-util';
import { buildTestModel, tensorCount } from './test-model.test-util';

function image(seed: number): Float32Array {
  const x = new Float32Array(784);
  for (let i = 0; i < x.length; i++) x[i] = ((i * 7919 + seed * 104729) % 1000) / 1000;
  return x;
}

describe('handlers through the dispatcher (tfjs cpu backend)', () => {
  it('chooses the forced backend, loads, validates and predicts', async () => {
    const h = harness();
    const init = h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    const load = h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const predict = h.send({ op: 'predict', channel: 'predict', params: { image: image(1) } });
    await h.dispatcher.idle();
    expect(h.answer(init)).toMatchObject({ type: 'result', result: { name: 'cpu' } });
    expect(h.answer(load)).toMatchObject({
      type: 'result',
      result: { inputShape: [28, 28, 1], classCount: 10, outputActivation: 'linear' },
    });
    const result = h.answer(predict);
    if (result?.type !== 'result' || result.op !== 'predict') throw new Error('no prediction');
    const sum = result.result.probabilities.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 5);
    expect(result.result.logits).toHaveLength(10);
  });

  it('a model download that never answers does not block the next model', async () => {
    // The first URL's fetch hangs forever and ignores its signal (the worst case).
    const h = harness(async (url) =>
      url === 'mem://hang' ? new Promise(() => undefined) : buildTestModel(),
    );
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    const hung = h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://hang' } });
    await new Promise((r) => setTimeout(r, 20)); // the hung load is running, not queued
    const next = h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    await h.dispatcher.idle();
    expect(h.answer(hung)).toMatchObject({ type: 'cancelled' });
    expect(h.answer(next)).toMatchObject({ type: 'result', result: { url: 'mem://test' } });
    expect(h.state.model).not.toBeNull();
  });

  it('keeps loaded models: switching back needs no new load, and the tensors stay constant', async () => {
    const loads: string[] = [];
    const h = harness(async (url) => {
      loads.push(url);
      return buildTestModel();
    });
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    const urls = ['mem://a', 'mem://b', 'mem://a', 'mem://b', 'mem://a'];
    const counts: number[] = [];
    for (const url of urls) {
      const id = h.send({ op: 'loadModel', channel: 'model', params: { url } });
      await h.dispatcher.idle();
      expect(h.answer(id)).toMatchObject({ type: 'result', result: { url } });
      counts.push(tensorCount());
    }
    expect(loads).toEqual(['mem://a', 'mem://b']);
    expect(h.state.models.size).toBe(2);
    // From the second model on, every switch leaves the same number of tensors.
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  it('answers predict without a model with a clear error', async () => {
    const h = harness();
    const id = h.send({ op: 'predict', channel: 'predict', params: { image: image(1) } });
    await h.dispatcher.idle();
    expect(h.answer(id)).toMatchObject({ type: 'error', error: { name: 'NoModelError' } });
  });

  it('skips stale work: only the newest queued request per channel runs', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const ids = [1, 2, 3, 4, 5].map((s) =>
      h.send({ op: 'predict', channel: 'predict', params: { image: image(s) } }),
    );
    await h.dispatcher.idle();
    const kinds = ids.map((i) => h.answer(i)?.type);
    expect(kinds).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'result']);
  });

  it('drops a cancelled request before it runs', async () => {
    const h = harness();
    const init = h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    const load = h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    h.dispatcher.onMessage({ type: 'cancel', id: load });
    await h.dispatcher.idle();
    expect(h.answer(init)?.type).toBe('result');
    expect(h.answer(load)?.type).toBe('cancelled');
    expect(h.state.model).toBeNull();
  });

  it('runs the pathway engine: a pixel query and whole-image statistics', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    const load = h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const img = image(3);
    const q = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { image: img, pixels: [14 * 28 + 14], options: { beamWidth: 4, topChains: 2 } },
    });
    const st = h.send({ op: 'imageStats', channel: 'stats', params: { image: img } });
    await h.dispatcher.idle();
    expect(h.answer(load)).toMatchObject({ result: { pathways: { supported: true } } });
    const query = h.answer(q);
    if (query?.type !== 'result' || query.op !== 'queryPixels')
      throw new Error(JSON.stringify(query));
    expect(query.result.pixels).toEqual([14 * 28 + 14]);
    expect(query.result.maxConservationError).toBeLessThan(1e-3);
    const stats = h.answer(st);
    if (stats?.type !== 'result' || stats.op !== 'imageStats')
      throw new Error(JSON.stringify(stats));
    expect(stats.result.counts.length).toBe(query.result.layers.length);
    // The gates of the image were computed once and reused.
    expect(h.state.pathways.gates?.image).toEqual(img);
  });

  it('returns activations and per-class relevance that agree with a pixel query', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    const img = image(5);
    const pixel = 10 * 28 + 9;
    const f = h.send({ op: 'imageForward', channel: 'forward', params: { image: img } });
    const q = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { image: img, pixels: [pixel], options: { classIndex: 3, chains: false } },
    });
    await h.dispatcher.idle();
    const forward = h.answer(f);
    const query = h.answer(q);
    if (forward?.type !== 'result' || forward.op !== 'imageForward')
      throw new Error(JSON.stringify(forward));
    if (query?.type !== 'result' || query.op !== 'queryPixels') throw new Error('no query');
    const view = forward.result;
    expect(view.activations.map((a) => a.length)).toEqual(
      view.layers.map((l) => l.height * l.width * l.channels),
    );
    expect(view.relevance).toHaveLength(10 * 784);
    expect(view.relevance[3 * 784 + pixel]).toBeCloseTo(query.result.relevance, 4);
    // The cached gates keep their arrays: the result's copies were transferred, not the cache.
    expect(h.state.pathways.gates?.gates.activation[0]?.length).toBe(view.activations[0]?.length);
  });

  it('keeps the tensor count flat over 500 requests', async () => {
    const h = harness();
    h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    h.send({ op: 'predict', channel: 'predict', params: { image: image(0) } });
    await h.dispatcher.idle();
    const before = tensorCount();
    for (let i = 0; i < 500; i++) {
      // Alternate awaited and superseded requests so both paths are exercised; every tenth
      // request is a pathway query on a new image (new gates).
      if (i % 10 === 9) {
        const params = { image: image(i), pixels: [400], options: { chains: false } };
        h.send({ op: 'queryPixels', channel: 'query', params });
      } else if (i % 10 === 4) {
        h.send({ op: 'imageForward', channel: 'forward', params: { image: image(i) } });
      } else {
        h.send({ op: 'predict', channel: 'predict', params: { image: image(i) } });
      }
      if (i % 5 === 4) await h.dispatcher.idle();
    }
    // Reloading the model must free the old one.
    h.send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
    await h.dispatcher.idle();
    expect(tensorCount()).toBe(before);
    const errors = h.received.filter((m) => m.type === 'error');
    expect(errors).toEqual([]);
  });
});
