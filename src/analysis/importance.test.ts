// Importance by ablation, the batched forward pass and the causal test on signalNet, whose one
// signal-carrying map (conv1 map 0, and pool1 map 0 after it) is built in.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, disposeNetwork, forwardLogits, type Network } from '../pathways';
import { useWasm } from '../pathways/testing/backend';
import { featureMapImportance, importantMaps, parseImportance } from './importance';
import { OverlapAccumulator, pathwayAblationTest } from './overlap';
import { profileImages } from './profile';
import { signalImages, signalNet } from './testing/nets';

let model: LayersModel;
let net: Network;
const set = signalImages(12);

beforeAll(async () => {
  await useWasm();
  model = signalNet();
  net = buildNetwork(model);
});

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

describe('forwardLogits', () => {
  it('matches the model on a batch', () => {
    const [ours, theirs] = tf.tidy(() => {
      const x = tf.tensor4d(set.images, [set.count, 4, 4, 1]);
      return [forwardLogits(net, x).arraySync(), (model.predict(x) as tf.Tensor).arraySync()];
    });
    expect(ours).toEqual(theirs);
  });
});

describe('featureMapImportance', () => {
  it('ranks the signal-carrying map first and finds no effect of the others', async () => {
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const r = await featureMapImportance(net, set, {
      batchSize: 5,
      onProgress: (d) => progress.push(d),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.baselineAccuracy).toBe(1);
    const conv = r.layers.find((l) => l.name === 'conv1')!;
    const pool = r.layers.find((l) => l.name === 'pool1')!;
    for (const l of [conv, pool]) {
      expect(l.ranking[0]).toBe(0);
      // Zeroing map 0 sends every class-1 image (half of them) to class 0.
      expect(l.accuracyDrop[0]).toBeCloseTo(0.5, 10);
      expect(l.probabilityDrop[0]).toBeGreaterThan(0.2);
      expect(l.accuracyDrop[1]).toBe(0);
      expect(l.probabilityDrop[1]).toBeCloseTo(0, 6);
      expect(l.probabilityDrop[2]).toBeCloseTo(0, 6);
    }
    expect(r.layers.map((l) => l.name)).toEqual(['conv1', 'pool1']); // logits are not ablated
    expect(importantMaps(r, 0, 1)).toEqual([0]);
    expect(progress.at(-1)).toBe(3 * (1 + 6)); // 3 batches × (baseline + 6 maps)
  });

  it('round-trips through JSON and rejects a cache of another model', async () => {
    const r = await featureMapImportance(net, set);
    const parsed = parseImportance(JSON.parse(JSON.stringify(r)), net);
    expect(parsed.layers[0]!.ranking).toEqual(r.layers[0]!.ranking);
    const other = JSON.parse(JSON.stringify(r)) as { layers: Array<{ name: string }> };
    other.layers[0]!.name = 'elsewhere';
    expect(() => parseImportance(other, net)).toThrow(/does not match/);
    expect(() => parseImportance({ version: 2 })).toThrow(/version/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(featureMapImportance(net, set, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('finding 1 on a built-in answer', () => {
  it('every pixel’s top map is the important one, and zeroing it beats random maps', async () => {
    const importance = await featureMapImportance(net, set);
    const overlap = new OverlapAccumulator(importance);
    const profiles = await profileImages(net, set, {
      statistics: { topM: 1 },
      onImage: (_i, s) => overlap.add(s),
    });
    // Map 0 (x) is larger than map 1 (x/2) and map 2 (0) for every pixel: overlap 1, chance 1/3.
    for (const o of overlap.result(1)) {
      expect(o.overlap).toBe(1);
      expect(o.chance).toBeCloseTo(1 / 3, 12);
    }
    const tests = await pathwayAblationTest(net, set, profiles, importance, {
      counts: [1],
      repeats: 4,
      seed: 3,
    });
    for (const t of tests) {
      expect(t.pathway.accuracy).toBeCloseTo(0.5, 10);
      expect(t.random.accuracy).toBeGreaterThan(t.pathway.accuracy);
      expect(t.important.accuracy).toBeCloseTo(0.5, 10);
      expect(t.baseline.accuracy).toBe(1);
    }
  });
});
