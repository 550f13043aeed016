// The top chains on their own (queryChains in query.ts): the app asks for them after the Sankey,
// so they must be exactly the chains a whole query returns, for any selection and class, with
// or without the worker's cache, and leave no tensors behind. On the shipped MNIST model, whose
// eight layers give the beam search real choices to make.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedModel, readSampleSet, sampleInput } from '../../scripts/lib/shipped';
import {
  buildNetwork,
  computeGates,
  disposeNetwork,
  nonZeroPixels,
  queryChains,
  queryPixels,
  type Gates,
  type Network,
} from './index';
import { QueryCache } from './query-cache';

let model: LayersModel;
let net: Network;
let gates: Gates;
let inked: number[];

beforeAll(async () => {
  model = await loadShippedModel('mnist');
  net = buildNetwork(model);
  gates = await computeGates(net, sampleInput(readSampleSet('mnist'), 350));
  inked = [...nonZeroPixels(gates)];
}, 60_000);

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

describe('queryChains', () => {
  it('returns exactly the chains of the whole query, for pixels, pixel sets and classes', async () => {
    const cache = new QueryCache();
    const selections = [[inked[0]!], [inked[40]!], inked.slice(10, 30)];
    try {
      for (const classIndex of [gates.prediction, (gates.prediction + 3) % 10]) {
        for (const pixels of selections) {
          const whole = await queryPixels(net, gates, pixels, { classIndex });
          expect(whole.chains.length).toBeGreaterThan(1);
          const alone = await queryChains(net, gates, pixels, { classIndex });
          const cached = await queryChains(net, gates, pixels, { classIndex }, cache);
          expect(alone.chains).toEqual(whole.chains);
          expect(cached.chains).toEqual(whole.chains);
          expect(cached).toMatchObject({ pixels: whole.pixels, classIndex, beamWidth: 16 });
        }
      }
    } finally {
      cache.clear();
    }
  });

  it('follows the beam options as queryPixels does', async () => {
    const options = { beamWidth: 4, topChains: 3 };
    const whole = await queryPixels(net, gates, [inked[5]!], options);
    const alone = await queryChains(net, gates, [inked[5]!], options);
    expect(alone.chains).toEqual(whole.chains);
    expect(alone.chains.length).toBeLessThanOrEqual(3);
    expect(alone.beamWidth).toBe(4);
    expect((await queryChains(net, gates, [inked[5]!], { chains: false })).chains).toEqual([]);
  });

  it('refuses what queryPixels refuses, in the same words', async () => {
    await expect(queryChains(net, gates, [])).rejects.toThrow('Select at least one pixel.');
    await expect(queryChains(net, gates, [28 * 28])).rejects.toThrow(/outside the 28×28 image/);
    await expect(queryChains(net, gates, [inked[0]!], { classIndex: 10 })).rejects.toThrow(
      "Class 10 is not one of the model's 10 classes.",
    );
  });

  it('leaves no tensors behind, and keeps the cache at its fixed size', async () => {
    const before = tf.memory().numTensors;
    await queryChains(net, gates, [inked[7]!]);
    expect(tf.memory().numTensors).toBe(before);
    const cache = new QueryCache();
    await queryPixels(net, gates, [inked[7]!], { chains: false }, cache);
    const held = tf.memory().numTensors - before;
    for (const p of inked.slice(0, 6)) {
      await queryChains(net, gates, [p], {}, cache);
      expect(tf.memory().numTensors - before).toBe(held);
    }
    cache.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
