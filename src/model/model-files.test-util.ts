// Test helper: a model saved as the files a user would open (model.json text + weight shards).
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export interface SavedModelFiles {
  modelJson: string;
  shards: Map<string, ArrayBuffer>;
}

export interface SaveOptions {
  /** Number of shards to split the weights into (at byte boundaries, as tfjs's converter does). */
  shardCount?: number;
  /** Where the manifest says the shards are, e.g. 'weights/' (the files keep their base names). */
  pathPrefix?: string;
  userDefinedMetadata?: Record<string, unknown>;
}

function asArrayBuffer(data: tf.io.WeightData): ArrayBuffer {
  return tf.io.CompositeArrayBuffer.join(data);
}

/** Saves `model` through tf.io.withSaveHandler and lays it out as model.json + shard files. */
export async function saveModelFiles(
  model: tfl.LayersModel,
  options: SaveOptions = {},
): Promise<SavedModelFiles> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!saved?.weightSpecs || saved.weightData === undefined) {
    throw new Error('The model saved no weights.');
  }
  const data = asArrayBuffer(saved.weightData);
  const count = options.shardCount ?? 1;
  const size = Math.ceil(data.byteLength / count);
  const shards = new Map<string, ArrayBuffer>();
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `group1-shard${i + 1}of${count}.bin`;
    shards.set(name, data.slice(i * size, Math.min(data.byteLength, (i + 1) * size)));
    paths.push(`${options.pathPrefix ?? ''}${name}`);
  }
  const json = {
    modelTopology: saved.modelTopology,
    format: 'layers-model',
    generatedBy: saved.generatedBy,
    convertedBy: null,
    weightsManifest: [{ paths, weights: saved.weightSpecs }],
    ...(options.userDefinedMetadata ? { userDefinedMetadata: options.userDefinedMetadata } : {}),
  };
  return { modelJson: JSON.stringify(json), shards };
}
