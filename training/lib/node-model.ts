/**
 * Node-only TF.js helpers shared by training and by the project's CLI scripts.
 * Stable API (other scripts import it): initNodeBackend, loadModelFromDir, readModelCard,
 * ModelCard.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerFastConv2dGradient } from '../conv-grad';
import { MODEL_CARD_FILE, type ModelCard } from './model-card';

export type { ModelCard, ModelCardLayer } from './model-card';

let fastGradientRegistered = false;

/**
 * Selects a TF.js backend in Node and returns the active backend's name. 'wasm' uses the
 * single-threaded SIMD binary (threads do not help on this machine); if it cannot start, this
 * falls back to 'cpu' with a warning. Also installs the forward-conv Conv2D gradient
 * (training/conv-grad.ts): wasm has no filter-gradient kernel, and it is ~10× faster on cpu.
 */
export async function initNodeBackend(name: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  if (!fastGradientRegistered) {
    registerFastConv2dGradient();
    fastGradientRegistered = true;
  }
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (error) {
    console.warn(`TF.js backend '${name}' failed to start:`, error);
  }
  if (!ok && name !== 'cpu') {
    console.warn(`TF.js backend '${name}' unavailable; falling back to 'cpu'.`);
    await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}

interface ModelJsonOnDisk {
  modelTopology: object;
  weightsManifest: tf.io.WeightsManifestConfig;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

/** Loads public/models/<id>/ (model.json + weight shards) from disk as a LayersModel. */
export async function loadModelFromDir(dir: string): Promise<tf.LayersModel> {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJsonOnDisk;
  const artifacts = await tf.io.getModelArtifactsForJSON(
    modelJson as tf.io.ModelJSON,
    async (manifest) => {
      const buffers = manifest.flatMap((group) =>
        group.paths.map((path) => {
          const bytes = readFileSync(join(dir, path));
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        }),
      );
      return [tf.io.getWeightSpecs(manifest), tf.io.CompositeArrayBuffer.join(buffers)];
    },
  );
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** Reads <dir>/model-card.json. Throws if it is missing or lacks the core fields. */
export function readModelCard(dir: string): ModelCard {
  const card = JSON.parse(readFileSync(join(dir, MODEL_CARD_FILE), 'utf8')) as Partial<ModelCard>;
  const required: (keyof ModelCard)[] = ['id', 'dataset', 'classNames', 'input', 'architecture'];
  const missing = required.filter((key) => card[key] === undefined);
  if (missing.length > 0) {
    throw new Error(`${join(dir, MODEL_CARD_FILE)} lacks ${missing.join(', ')}.`);
  }
  return card as ModelCard;
}
