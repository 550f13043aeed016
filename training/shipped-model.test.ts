/**
 * The SHIPPED models in public/models load in Node, have the expected VGG structure and size,
 * and classify a fixed test subset well. Subset bars sit below the full-test bars (small models
 * 99 % / 90 %, VGG-16 models 99.3 % / 91.5 %) to allow for the sampling noise of 1,000 images
 * (about ±0.3 / ±0.9 points).
 */
import type * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from './data/index';
import { MODEL_SIZE_LIMITS } from './lib/accuracy-bars';
import { evaluateAccuracy } from './lib/evaluate';
import { initNodeBackend, loadModelFromDir, readModelCard } from './lib/node-model';
import { datasetOf, type ModelId } from './lib/model-ids';
import { modelDir } from './lib/paths';
import { modelSizeBytes } from './lib/save-model';
import { range } from './lib/tensors';
import { LAYER_NAMES } from './model';
import { VGG16_LAYER_NAMES } from './vgg16';

const EXPECTED_LAYERS: [string, string][] = [
  ['conv1_1', 'Conv2D'],
  ['conv1_2', 'Conv2D'],
  ['pool1', 'MaxPooling2D'],
  ['conv2_1', 'Conv2D'],
  ['conv2_2', 'Conv2D'],
  ['pool2', 'MaxPooling2D'],
  ['flatten', 'Flatten'],
  ['dense1', 'Dense'],
  ['logits', 'Dense'],
];

const VGG16_EXPECTED_LAYERS: [string, string][] = VGG16_LAYER_NAMES.map((name) => [
  name,
  name === 'pad_input'
    ? 'ZeroPadding2D'
    : name.startsWith('conv')
      ? 'Conv2D'
      : name.startsWith('pool')
        ? 'MaxPooling2D'
        : name === 'flatten'
          ? 'Flatten'
          : 'Dense',
]);

interface Check {
  id: ModelId;
  /** A fixed 1,000-image subset of the 10,000 test images. */
  subset: () => ArrayLike<number>;
  minAccuracy: number;
  layers: [string, string][];
  input: { height: number; width: number; padding?: number };
}

const SMALL_INPUT = { height: 28, width: 28 };
const VGG_INPUT = { height: 28, width: 28, padding: 2 };
const everyTenth = () => Int32Array.from({ length: 1000 }, (_, i) => 10 * i);

const CHECKS: Check[] = [
  {
    id: 'mnist',
    subset: () => range(0, 1000),
    minAccuracy: 0.985,
    layers: EXPECTED_LAYERS,
    input: SMALL_INPUT,
  },
  // The fashion test set is class-major, so take every 10th image: 100 per class.
  {
    id: 'fashion',
    subset: everyTenth,
    minAccuracy: 0.88,
    layers: EXPECTED_LAYERS,
    input: SMALL_INPUT,
  },
  {
    id: 'vgg-mnist',
    subset: () => range(0, 1000),
    minAccuracy: 0.988,
    layers: VGG16_EXPECTED_LAYERS,
    input: VGG_INPUT,
  },
  {
    id: 'vgg-fashion',
    subset: everyTenth,
    minAccuracy: 0.895,
    layers: VGG16_EXPECTED_LAYERS,
    input: VGG_INPUT,
  },
];

it("the expected small-model layer list is the builder's", () => {
  expect(EXPECTED_LAYERS.map(([name]) => name)).toEqual([...LAYER_NAMES]);
});

interface LayerJson {
  class_name: string;
  config: { name: string; activation?: string; padding?: string; kernel_size?: number[] };
}

function layersInModelJson(dir: string): LayerJson[] {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: { config: { layers: LayerJson[] } };
  };
  return json.modelTopology.config.layers;
}

describe.each(CHECKS)(
  'shipped model $id',
  ({ id, subset, minAccuracy, layers: expected, input }) => {
    const dir = modelDir(id);
    let model: tf.LayersModel;

    beforeAll(async () => {
      await initNodeBackend('wasm');
      model = await loadModelFromDir(dir);
    }, 30_000);

    afterAll(() => model?.dispose());

    it('has the expected VGG layer list in model.json', () => {
      const layers = layersInModelJson(dir);
      expect(layers.map((l) => [l.config.name, l.class_name])).toEqual(expected);
      for (const layer of layers.filter((l) => l.class_name === 'Conv2D')) {
        expect(layer.config).toMatchObject({
          activation: 'relu',
          padding: 'same',
          kernel_size: [3, 3],
        });
      }
      expect(layers.at(-1)?.config.activation).toBe('linear');
      expect(model.outputs[0]?.shape).toEqual([null, 10]);
    });

    it(`is at most ${MODEL_SIZE_LIMITS[id] / 1024 / 1024} MB and its card matches the model`, () => {
      expect(modelSizeBytes(dir)).toBeLessThanOrEqual(MODEL_SIZE_LIMITS[id]);
      const card = readModelCard(dir);
      expect(card.id).toBe(id);
      expect(card.classNames).toHaveLength(10);
      expect(card.dataset).toBe(datasetOf(id));
      expect(card.input).toEqual({ ...input, channels: 1, normalization: 'pixel/255' });
      expect(model.inputs[0]?.shape).toEqual([null, input.height, input.width, 1]);
      expect(card.architecture.map((l) => [l.name, l.type])).toEqual(expected);
      expect(card.parameterCount).toBe(model.countParams());
      expect(card.testSetSize).toBe(10_000);
    });

    it(
      `reaches ${100 * minAccuracy} % on a fixed 1,000-image test subset`,
      { timeout: 30_000 },
      () => {
        const result = evaluateAccuracy(model, loadDataset(datasetOf(id), 'test'), subset());
        expect(result.total).toBe(1000);
        expect(result.accuracy).toBeGreaterThanOrEqual(minAccuracy);
      },
    );
  },
);
