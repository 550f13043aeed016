// Test fixtures for the command line: a tfjs-layers model saved to a folder the way a user has
// it (model.json + one weight shard, optionally labels.txt), and PNG pictures written to disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { PNG } from 'pngjs';

export const SHARD_NAME = 'group1-shard1of1.bin';

export interface ModelDirOptions {
  userDefinedMetadata?: Record<string, unknown>;
  /** Written as labels.txt, one name a line. */
  labels?: string[];
}

/** Saves `model` through tf.io.withSaveHandler into dir/model.json + dir/group1-shard1of1.bin. */
export async function writeModelDir(
  model: tfl.LayersModel,
  dir: string,
  options: ModelDirOptions = {},
): Promise<string> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!saved?.weightSpecs || saved.weightData === undefined) throw new Error('no weights saved');
  mkdirSync(dir, { recursive: true });
  const json = {
    format: 'layers-model',
    generatedBy: saved.generatedBy,
    convertedBy: null,
    modelTopology: saved.modelTopology,
    weightsManifest: [{ paths: [SHARD_NAME], weights: saved.weightSpecs }],
    ...(options.userDefinedMetadata ? { userDefinedMetadata: options.userDefinedMetadata } : {}),
  };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  writeFileSync(
    join(dir, SHARD_NAME),
    new Uint8Array(tf.io.CompositeArrayBuffer.join(saved.weightData)),
  );
  if (options.labels) writeFileSync(join(dir, 'labels.txt'), `${options.labels.join('\n')}\n`);
  return join(dir, 'model.json');
}

/** A seeded RGB(A) picture: pixel (r, c) of channel k is a fixed pseudo-random byte. */
export function seededPixels(width: number, height: number, seed: number): Uint8Array {
  let s = seed >>> 0;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    data[i] = i % 4 === 3 ? 255 : s >>> 24;
  }
  return data;
}

export function writePng(path: string, width: number, height: number, rgba: Uint8Array): string {
  const png = new PNG({ width, height });
  png.data.set(rgba);
  writeFileSync(path, PNG.sync.write(png));
  return path;
}
