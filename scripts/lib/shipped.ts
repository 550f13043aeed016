// Node-only access to the shipped models and sample sets for the pathway CLI, the benchmark and
// the engine's tests on the shipped MNIST model.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { initNodeBackend, loadModelFromDir } from '../../training/lib/node-model';
import { parseSampleSet, sampleImage, type SampleSet } from '../../src/model/samples';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODEL_IDS = ['mnist', 'fashion'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
/** The VGG-16-topology models (docs/models.md): 28×28 input, padded to 32×32 by their first layer. */
export const VGG_MODEL_IDS = ['vgg-mnist', 'vgg-fashion'] as const;
export type ShippedId = ModelId | (typeof VGG_MODEL_IDS)[number];

export function modelDirOf(id: ShippedId): string {
  return join(REPO_ROOT, 'public', 'models', id);
}

export function hasShippedModel(id: ShippedId): boolean {
  return existsSync(join(modelDirOf(id), 'model.json'));
}

/** The gallery (public/samples/<dataset>) a shipped model reads: the VGG-16 models share their
 * dataset's. */
export function shippedGallery(id: ShippedId): ModelId {
  return id === 'fashion' || id === 'vgg-fashion' ? 'fashion' : 'mnist';
}

/** Starts the wasm backend (the CLI's and tests' backend) and loads public/models/<id>. */
export async function loadShippedModel(id: ShippedId): Promise<LayersModel> {
  await initNodeBackend('wasm');
  const dir = modelDirOf(id);
  if (!hasShippedModel(id)) throw new Error(`No shipped model at ${dir} (model.json missing).`);
  // The umbrella package's LayersModel is the same class as tfjs-layers' one.
  return (await loadModelFromDir(dir)) as unknown as LayersModel;
}

/** public/samples/<id>.bin + .json, validated. */
export function readSampleSet(id: ModelId): SampleSet {
  const dir = join(REPO_ROOT, 'public', 'samples');
  const meta: unknown = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
  const bytes = readFileSync(join(dir, `${id}.bin`));
  return parseSampleSet(
    meta,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
}

/** Sample `index` of the set as the model input (pixel/255, H×W×1). */
export function sampleInput(set: SampleSet, index: number): Float32Array {
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new Error(
      `Sample ${index} does not exist (the ${set.dataset} set has ${set.count}: 0-${set.count - 1}).`,
    );
  }
  return sampleImage(set, index);
}
