/**
 * Writes a LayersModel to a directory in the standard TF.js layers format (model.json + one
 * binary weight shard), loadable by tf.loadLayersModel in the browser. tfjs-node (which has a
 * file:// handler) cannot be installed here, so this is a custom save handler.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEIGHTS_FILE = 'group1-shard1of1.bin';

/** Saves the model and returns the bytes written (model.json + shard). */
export async function saveModelToDir(model: tf.LayersModel, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightSpecs || artifacts.weightData === undefined) {
        throw new Error('Model artifacts have no weights.');
      }
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson));
      writeFileSync(join(dir, WEIGHTS_FILE), new Uint8Array(weights));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return modelSizeBytes(dir);
}

export function modelSizeBytes(dir: string): number {
  return statSync(join(dir, 'model.json')).size + statSync(join(dir, WEIGHTS_FILE)).size;
}
