import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestModel, tensorCount } from '../worker/test-model.test-util';
import { explainLoadError, loadModel } from './load';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The test CNN with one value of `layer`'s kernel replaced. */
function damagedModel(layer: string, value: number) {
  const model = buildTestModel();
  const target = model.getLayer(layer);
  const [kernel, ...rest] = target.getWeights();
  const values = kernel!.dataSync().slice();
  values[3] = value;
  const replacement = tf.tensor(values, kernel!.shape);
  target.setWeights([replacement, ...rest]); // copies into the layer's variable
  replacement.dispose();
  return model;
}

describe('loadModel', () => {
  it('loads and validates a sound model', async () => {
    const { model, summary } = await loadModel(
      'mem://ok',
      async () => buildTestModel(),
      () => {},
    );
    expect(summary.classCount).toBe(10);
    model.dispose();
  });

  it('refuses NaN and infinite weights, naming the layer, and frees the model', async () => {
    const before = tensorCount();
    await expect(
      loadModel(
        'mem://nan',
        async () => damagedModel('logits', NaN),
        () => {},
      ),
    ).rejects.toThrow(/Layer “logits” has a NaN weight/);
    await expect(
      loadModel(
        'mem://inf',
        async () => damagedModel('conv1', Infinity),
        () => {},
      ),
    ).rejects.toThrow(/Layer “conv1” has an infinite weight/);
    // The refused models' weights are disposed again.
    expect(tensorCount()).toBe(before);
  });

  it('says which URL failed when the loader throws', async () => {
    await expect(
      loadModel(
        'mem://gone',
        async () => {
          throw new Error('404 Not Found');
        },
        () => {},
      ),
    ).rejects.toThrow('Could not load the model from mem://gone: 404 Not Found');
  });

  it('explains an HTML page or a truncated shard in plain words', () => {
    expect(explainLoadError('Failed to parse model JSON of response from x')).toMatch(/HTML page/);
    expect(
      explainLoadError(
        'Based on the provided shape, [3,3,8,8], the tensor should have 576 values but has 170',
      ),
    ).toMatch(/^the weight files do not match model.json \(a truncated or wrong shard\)/);
    expect(explainLoadError('Request failed with status code 404')).toBe(
      'Request failed with status code 404',
    );
  });
});
