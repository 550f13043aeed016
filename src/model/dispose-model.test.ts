// disposeModel: a model that ran is garbage after it, although tfjs-layers caches the execution
// plans of every model that ran (found by the soak, docs/reliability.md "Storms and soaks").
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestModel } from '../worker/test-model.test-util';
import { disposeModel } from './load';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5 && ref.deref() !== undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return ref.deref() === undefined;
}

/**
 * Runs a model once (predict fills tfjs-layers' plan caches), frees it with `free` and returns a
 * weak reference to its output layer: the caches hold symbolic tensors, which hold their layers
 * (not the model object itself). Synchronous, so that no frame of the test keeps the model.
 */
function runAndFree(seed: number, free: (model: tfl.LayersModel) => void): WeakRef<object> {
  const model = buildTestModel(seed);
  tf.tidy(() => model.predict(tf.zeros([1, 28, 28, 1])));
  const layer = new WeakRef(model.layers[model.layers.length - 1]!);
  free(model);
  return layer;
}

describe('disposeModel', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('leaves nothing that keeps a model that ran', async () => {
    expect(await collected(runAndFree(1, disposeModel))).toBe(true);
  });

  it('(the bug) dispose() alone keeps it through the plan caches', async () => {
    expect(await collected(runAndFree(2, (model) => model.dispose()))).toBe(false);
    // Clean up for the tests after this one.
    disposeModel(buildTestModel(3));
  });

  it('keeps the cache size flag', () => {
    const before = tf.env().getNumber('TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES');
    disposeModel(buildTestModel(4));
    expect(tf.env().getNumber('TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES')).toBe(before);
  });
});
