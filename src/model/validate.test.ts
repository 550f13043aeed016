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

const withShapes = (input: Array<number | null>, output: Array<number | null> = [null, 10]) => ({
  ...good,
  inputShapes: [input],
  outputShapes: [output],
});

describe('validateModel', () => {
  it('accepts a Sequential 28×28×1 → 10 model', () => {
    expect(validateModel(good)).toMatchObject({
      inputShape: [28, 28, 1],
      classCount: 10,
      parameterCount: 7850,
    });
  });

  it('accepts an RGB 32×32 classifier and the extreme sizes', () => {
    expect(validateModel(withShapes([null, 32, 32, 3], [null, 100]))).toMatchObject({
      inputShape: [32, 32, 3],
      classCount: 100,
    });
    expect(validateModel(withShapes([null, 8, 256, 1], [null, 2])).inputShape).toEqual([8, 256, 1]);
    expect(validateModel(withShapes([null, 256, 8, 3], [null, 1000])).classCount).toBe(1000);
  });

  it('accepts a functional model (pathway support is decided in the worker)', () => {
    expect(validateModel({ ...good, className: 'Functional' }).classCount).toBe(10);
  });

  it('refuses images smaller than 8 or larger than 256 pixels, saying what it found', () => {
    expect(() => validateModel(withShapes([null, 7, 28, 1]))).toThrow(
      'The model is not usable: its input shape is [?, 7, 28, 1]: 7 × 28 pixels, but the height and width must be from 8 to 256 pixels.',
    );
    expect(() => validateModel(withShapes([null, 257, 257, 3]))).toThrow('257 × 257 pixels');
  });

  it('refuses 2 and 4 channels', () => {
    expect(() => validateModel(withShapes([null, 28, 28, 2]))).toThrow(
      'its input shape is [?, 28, 28, 2]: 2 channels, but 1 (grey) or 3 (RGB) are required',
    );
    expect(() => validateModel(withShapes([null, 28, 28, 4]))).toThrow('4 channels');
  });

  it('refuses 1 and 1001 classes', () => {
    expect(() => validateModel(withShapes([null, 28, 28, 1], [null, 1]))).toThrow(
      'its output shape is [?, 1]: 1 class, but from 2 to 1,000 classes are required',
    );
    expect(() => validateModel(withShapes([null, 28, 28, 1], [null, 1001]))).toThrow(
      '[?, 1001]: 1001 classes',
    );
  });

  it('refuses free image sizes, several inputs and a non-vector output', () => {
    expect(() => validateModel(withShapes([null, null, null, 3]))).toThrow('must be fixed sizes');
    expect(() =>
      validateModel({ ...good, inputShapes: [good.inputShapes[0]!, good.inputShapes[0]!] }),
    ).toThrow(
      'it has 2 inputs and 1 output, but an image classifier with one input and one output is required',
    );
    expect(() => validateModel(withShapes([null, 28, 28, 1], [null, 7, 7, 10]))).toThrow(
      'its output shape is [?, 7, 7, 10], but one score per class [?, classes] is required',
    );
  });

  it('lists every problem in one message', () => {
    expect(() => validateModel(withShapes([null, 4, 4, 1], [null, 1]))).toThrow(
      'The model is not usable: its input shape is [?, 4, 4, 1]: 4 × 4 pixels, but the height and width must be from 8 to 256 pixels; its output shape is [?, 1]: 1 class, but from 2 to 1,000 classes are required.',
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
    expect(() => validateModel(describeModel(model, 'mem://flat'))).toThrow(
      'its input shape is [?, 784], but an image input [?, height, width, channels] is required',
    );
    model.dispose();
  });

  it('reads the softmax of a nested head model as the output activation', () => {
    const head = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })],
    });
    const model = tfl.sequential({
      layers: [tfl.layers.flatten({ inputShape: [28, 28, 1] }), head],
    });
    expect(validateModel(describeModel(model, 'mem://nested')).outputActivation).toBe('softmax');
    model.dispose();
  });
});
