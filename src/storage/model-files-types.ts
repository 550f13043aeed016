// A model opened from the user's disk, as the page keeps it. Its files are what the worker's
// loadModel takes (ModelFileSet, src/model/model-files.ts): model.json's text, the weight shards
// its weightsManifest lists (named as it lists them, in its order: model-file-group.ts) and an
// optional labels file. Plain data, so it can be posted to both workers and kept in IndexedDB.
import type { ModelFileSet } from '../model/model-files';

export type LocalModelFiles = ModelFileSet;

/** A model opened from files in this tab: what it is called and where its files are. */
export interface OpenedModel {
  /** SHA-256 hex of its files (content-hash.ts). */
  hash: string;
  /** The folder's or the model's name, for the header and the kept list. */
  name: string;
  /** model.json, shards, labels and the sample set, in bytes (what keeping it takes). */
  bytes: number;
  files: LocalModelFiles;
  /**
   * The sample set chosen with it (docs/own-model.md, "A sample set"): samples.json's text and
   * samples.bin's bytes, parsed by the samples loader (src/model/samples.ts parseSampleSet).
   */
  samples?: LocalSampleFiles;
}

export interface LocalSampleFiles {
  meta: string;
  bin: ArrayBuffer;
}

/** Bytes of a model's files (model.json as UTF-8). */
export function modelFilesBytes(files: LocalModelFiles): number {
  const text = (s: string) => new TextEncoder().encode(s).byteLength;
  return (
    text(files.modelJson) +
    files.shards.reduce((sum, shard) => sum + shard.data.byteLength, 0) +
    (files.labels ? text(files.labels.text) : 0)
  );
}
