// The worker's query cache (query-cache.ts): pixel queries that reuse the gates' tensors and the
// class gradients give exactly the answers of queries that compute them afresh, and the cache
// holds a fixed number of tensors however many pixels, classes and images pass through it.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, computeGates, disposeNetwork, queryPixels, type Network } from './index';
import { QueryCache } from './query-cache';
import { useWasm } from './testing/backend';
import { TINY_IMAGE, tinyModel } from './testing/tiny';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { PixelQueryResult } from './types';

const P11 = 1 * 4 + 1;
const P22 = 2 * 4 + 2;

let model: LayersModel;
let net: Network;

beforeAll(async () => {
  await useWasm();
  model = tinyModel();
  net = buildNetwork(model);
});

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

/** Every number of an answer, for an exact comparison. */
function numbers(r: PixelQueryResult): number[] {
  return [
    r.relevance,
    r.maxConservationError,
    ...r.inputFlow,
    ...r.nodeFlow.flatMap((f) => [...f]),
    ...r.edgeFlow.flatMap((f) => [...f]),
    ...r.diffusion.flatMap((d) => [...d]),
    ...r.chains.flatMap((c) => [c.flow, ...c.maps]),
  ];
}

describe('QueryCache', () => {
  it('gives the same answers as a fresh computation, for every pixel and class', async () => {
    const gates = await computeGates(net, TINY_IMAGE);
    const cache = new QueryCache();
    try {
      for (const classIndex of [0, 1, 0]) {
        for (const pixels of [[P11], [P22], [P11, P22]]) {
          const fresh = await queryPixels(net, gates, pixels, { classIndex });
          const cached = await queryPixels(net, gates, pixels, { classIndex }, cache);
          expect(numbers(cached)).toEqual(numbers(fresh));
          expect(cached.classIndex).toBe(classIndex);
        }
      }
    } finally {
      cache.clear();
    }
  });

  it('follows a new image: its answers are the new image’s, not the last one’s', async () => {
    const other = Float32Array.from(TINY_IMAGE);
    other[P22] = (other[P22] ?? 0) + 0.25;
    const [a, b] = [await computeGates(net, TINY_IMAGE), await computeGates(net, other)];
    const cache = new QueryCache();
    try {
      await queryPixels(net, a, [P22], {}, cache);
      const cached = await queryPixels(net, b, [P22], {}, cache);
      expect(numbers(cached)).toEqual(numbers(await queryPixels(net, b, [P22])));
    } finally {
      cache.clear();
    }
  });

  it('holds a fixed number of tensors, and none once cleared', async () => {
    const gates = await computeGates(net, TINY_IMAGE);
    const before = tf.memory().numTensors;
    const cache = new QueryCache();
    await queryPixels(net, gates, [P11], { classIndex: 0 }, cache);
    const held = tf.memory().numTensors - before;
    expect(held).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) {
      const image = Float32Array.from(TINY_IMAGE);
      image[P11] = 0.5 + (i % 3) * 0.1;
      const g = i % 4 === 0 ? await computeGates(net, image) : gates;
      await queryPixels(net, g, i % 2 ? [P11] : [P11, P22], { classIndex: i % 2 }, cache);
      expect(tf.memory().numTensors - before).toBe(held);
    }
    cache.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});
