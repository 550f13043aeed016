import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { buildTestModel } from '../worker/test-model.test-util';
import { describeModel } from './load';
import { validateModel, type ModelDescription } from './validate';

const good: ModelDescription = {
  url: 'http://x/model.json',
  name: 'm',
  className: 'Sequential',
  inputShapes: [[null, 28, 28, 1]],
  outputShapes: [[null, 10]],
  layers: [{ name: 'd', className: 'Dense', outputShape: [10], parameterCount: 7850 }],
  outputActivation: 'linear',
};

describe('validateModel', () => {
  it('accepts a Sequential 28×28×1 → 10 model', () => {
    expect(validateModel(good)).toMatchObject({
      inputShape: [28, 28, 1],
      classCount: 10,
      parameterCount: 7850,
    });
  });

  it('lists every problem in one message', () => {
    const bad = {
      ...good,
      className: 'Functional',
      inputShapes: [[null, 32, 32, 3]],
      outputShapes: [[null, 100]],
    };
    expect(() => validateModel(bad)).toThrow(
      'The model is not usable: it is a Functional model, but only Sequential models are supported; its input shape is [?, 32, 32, 3], but [?, 28, 28, 1] is required; its output shape is [?, 100], but [?, 10] (10 classes) is required.',
    );
  });

  it('describes a real tfjs model', () => {
    const model = buildTestModel();
    const summary = validateModel(describeModel(model, 'mem://m'));
    expect(summary.layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 4],
      [14, 14, 4],
      [784],
      [10],
    ]);
    expect(summary.parameterCount).toBe(model.countParams());
    model.dispose();
  });

  it('rejects a flat-input model', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ inputShape: [784], units: 10 })] });
    expect(() => validateModel(describeModel(model, 'mem://flat'))).toThrow('[?, 784]');
    model.dispose();
  });
});
