import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import type { ImportanceResult } from '../analysis';
import { alternateSplit } from './analysis-set-ops';
import { handlerHarness } from './harness.test-util';
import type { RequestMessage } from './protocol';
import { tensorCount } from './test-model.test-util';

/** A blob of ink clear of the border, so that shifts keep it inside the frame. */
function blob(seed: number, row = 10, col = 10): Float32Array {
  const x = new Float32Array(784);
  for (let r = row; r < row + 8; r++)
    for (let c = col; c < col + 8; c++) x[r * 28 + c] = ((r * 31 + c * 17 + seed * 7) % 10) / 10;
  return x;
}

function labelled(count: number) {
  const images = new Float32Array(count * 784);
  for (let i = 0; i < count; i++) images.set(blob(i, 6 + (i % 5), 6 + (i % 7)), i * 784);
  return { images, labels: Int32Array.from({ length: count }, (_, i) => i % 10), count };
}

async function harness() {
  const { send, answer, received, dispatcher } = handlerHarness();
  async function run<T>(m: Omit<RequestMessage, 'id' | 'type'>): Promise<T> {
    const reqId = send(m);
    await dispatcher.idle();
    const final = answer(reqId);
    if (final?.type !== 'result') throw new Error(JSON.stringify(final));
    return final.result as T;
  }
  send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
  send({ op: 'loadModel', channel: 'model', params: { url: 'mem://test' } });
  await dispatcher.idle();
  return { send, run, received, dispatcher };
}

describe('analysis operations (tfjs cpu, small untrained CNN)', () => {
  it('FGSM with ε = 0 leaves the image and its prediction unchanged', async () => {
    const h = await harness();
    const image = blob(1);
    const naturals = new Float32Array(10 * 784);
    for (let c = 0; c < 10; c++) naturals.set(blob(c + 2), c * 784);
    const before = tensorCount();
    const r = await h.run<{
      attacked: Float32Array;
      linf: number;
      original: { prediction: number; total: number };
      attackedSummary: { prediction: number; total: number };
      layers: unknown[];
    }>({
      op: 'analysisAttack',
      channel: 'a',
      params: { image, label: null, mode: 'fgsm', epsilon: 0, target: 0, naturals },
    });
    expect(Array.from(r.attacked)).toEqual(Array.from(image));
    expect(r.linf).toBe(0);
    expect(r.attackedSummary.prediction).toBe(r.original.prediction);
    expect(r.attackedSummary.total).toBe(r.original.total);
    expect(r.layers).toHaveLength(3);
    expect(tensorCount()).toBe(before);
  });

  it('a targeted attack stays within ε of the original', async () => {
    const h = await harness();
    const naturals = new Float32Array(10 * 784);
    const r = await h.run<{ linf: number; naturalClass: number; steps: number }>({
      op: 'analysisAttack',
      channel: 'a',
      params: { image: blob(3), label: 0, mode: 'targeted', epsilon: 0.05, target: 4, naturals },
    });
    expect(r.linf).toBeLessThanOrEqual(0.05 + 1e-6);
    expect(r.naturalClass).toBe(4);
    expect(r.steps).toBeGreaterThan(0);
  });

  it('a shift by the pool stride keeps conv and pool sizes; the maps move', async () => {
    const h = await harness();
    const r = await h.run<{
      layers: Array<{ name: string; sizeChange: number; mapShiftError: number | null }>;
      maps: Array<{ before: Float32Array; after: Float32Array; width: number }>;
      lostValues: number;
    }>({
      op: 'analysisMovement',
      channel: 'm',
      params: { image: blob(4), label: null, dx: 2, dy: -2 },
    });
    expect(r.lostValues).toBe(0);
    const [conv, pool] = r.layers;
    expect(conv!.sizeChange).toBeLessThan(1e-5);
    expect(pool!.sizeChange).toBeLessThan(1e-5);
    expect(pool!.mapShiftError).toBeLessThan(1e-5);
    const map = r.maps[0]!;
    // The summed conv map moved by (dx, dy) = (2, -2): compare one cell of the blob.
    const p = 12 * map.width + 12;
    expect(map.after[p - 2 * map.width + 2]).toBeCloseTo(map.before[p]!, 4);
  });

  it('an occluding patch over the ink hides it; one off the ink changes nothing', async () => {
    const h = await harness();
    const image = blob(5);
    const on = await h.run<{ occludedInk: number; layers: Array<{ overlap: number }> }>({
      op: 'analysisOcclusion',
      channel: 'o',
      params: { image, label: null, patch: { row: 10, col: 10, size: 4 } },
    });
    const off = await h.run<{
      occludedInk: number;
      occludedProbability: number;
      intactProbability: number;
    }>({
      op: 'analysisOcclusion',
      channel: 'o',
      params: { image, label: null, patch: { row: 0, col: 0, size: 4 } },
    });
    expect(on.occludedInk).toBeGreaterThan(0.1);
    expect(off.occludedInk).toBe(0);
    expect(off.occludedProbability).toBeCloseTo(off.intactProbability, 6);
  });

  it('importance, then the overlap and causal test of one image', async () => {
    const h = await harness();
    const importance = await h.run<ImportanceResult>({
      op: 'analysisImportance',
      channel: 'i',
      params: { set: labelled(12), source: 'test' },
    });
    expect(importance.layers.map((l) => l.name)).toEqual(['conv1', 'pool1']);
    const r = await h.run<{
      layers: Array<{ overlap: number; chance: number; imageTop: number[]; important: number[] }>;
      ablation: Array<{ k: number }>;
    }>({
      op: 'analysisOverlap',
      channel: 'ov',
      params: { image: blob(6), label: null, importance, topM: 2 },
    });
    expect(r.layers[0]!.chance).toBe(0.5);
    expect(r.layers[0]!.imageTop).toHaveLength(2);
    expect(r.layers[0]!.important).toEqual(importance.layers[0]!.ranking.slice(0, 2));
    expect(r.layers[0]!.overlap).toBeGreaterThanOrEqual(0);
    expect(r.ablation.every((a) => a.k === 2)).toBe(true);
  });

  it('sample set: consistency, nearest centroid and a 2-D projection', async () => {
    const h = await harness();
    const r = await h.run<{ points: unknown[]; consistency: unknown[]; trainMask: Uint8Array }>({
      op: 'analysisSampleSet',
      channel: 's',
      params: { set: labelled(20) },
    });
    expect(r.points).toHaveLength(20);
    expect(r.consistency).toHaveLength(3);
    expect(Array.from(r.trainMask).filter((v) => v === 1)).toHaveLength(10);
  });

  it('a cancelled sample-set run answers "cancelled"', async () => {
    const h = await harness();
    const id = h.send({ op: 'analysisSampleSet', channel: 's', params: { set: labelled(40) } });
    await new Promise((r) => setTimeout(r, 30));
    h.dispatcher.onMessage({ type: 'cancel', id });
    await h.dispatcher.idle();
    const answer = h.received.find((m) => 'id' in m && m.id === id && m.type !== 'progress');
    expect(answer?.type).toBe('cancelled');
  });
});

describe('alternateSplit', () => {
  it('sends every other image of each class to the centroids', () => {
    expect(Array.from(alternateSplit([0, 0, 1, 0, 1, 1]))).toEqual([1, 0, 1, 1, 0, 1]);
  });
});
