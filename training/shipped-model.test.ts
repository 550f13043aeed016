/**
 * The SHIPPED models in public/models load in Node, have the expected VGG structure and size,
 * and classify a fixed test subset well. Subset bars sit below the full-test bars (99 % / 90 %)
 * to allow for the sampling noise of 1,000 images (about ±0.3 / ±0.9 points).
 */
import type * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type DatasetId } from './data/index';
import { MAX_MODEL_BYTES } from './lib/accuracy-bars';
import { evaluateAccuracy } from './lib/evaluate';
import { initNodeBackend, loadModelFromDir, readModelCard } from './lib/node-model';
import { modelDir } from './lib/paths';
import { modelSizeBytes } from './lib/save-model';
import { range } from './lib/tensors';
import { LAYER_NAMES } from './model';

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

interface Check {
  id: DatasetId;
  /** A fixed 1,000-image subset of the 10,000 test images. */
  subset: () => ArrayLike<number>;
  minAccuracy: number;
}

const CHECKS: Check[] = [
  { id: 'mnist', subset: () => range(0, 1000), minAccuracy: 0.985 },
  // The fashion test set is class-major, so take every 10th image: 100 per class.
  {
    id: 'fashion',
    subset: () => Int32Array.from({ length: 1000 }, (_, i) => 10 * i),
    minAccuracy: 0.88,
  },
];

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

describe.each(CHECKS)('shipped model $id', ({ id, subset, minAccuracy }) => {
  const dir = modelDir(id);
  let model: tf.LayersModel;

  beforeAll(async () => {
    await initNodeBackend('wasm');
    model = await loadModelFromDir(dir);
  }, 30_000);

  afterAll(() => model?.dispose());

  it('has the expected VGG layer list in model.json', () => {
    const layers = layersInModelJson(dir);
    expect(layers.map((l) => [l.config.name, l.class_name])).toEqual(EXPECTED_LAYERS);
    expect(layers.map((l) => l.config.name)).toEqual([...LAYER_NAMES]);
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

  it('is at most 2 MB and its card matches the model', () => {
    expect(modelSizeBytes(dir)).toBeLessThanOrEqual(MAX_MODEL_BYTES);
    const card = readModelCard(dir);
    expect(card.id).toBe(id);
    expect(card.classNames).toHaveLength(10);
    expect(card.input).toEqual({ height: 28, width: 28, channels: 1, normalization: 'pixel/255' });
    expect(card.architecture.map((l) => l.name)).toEqual([...LAYER_NAMES]);
    expect(card.parameterCount).toBe(model.countParams());
    expect(card.testSetSize).toBe(10_000);
  });

  it(
    `reaches ${100 * minAccuracy} % on a fixed 1,000-image test subset`,
    { timeout: 30_000 },
    () => {
      const result = evaluateAccuracy(model, loadDataset(id, 'test'), subset());
      expect(result.total).toBe(1000);
      expect(result.accuracy).toBeGreaterThanOrEqual(minAccuracy);
    },
  );
});
