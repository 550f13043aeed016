// Turns the files a user chose or dropped into a model the app can open: picks model.json, its
// shards and labels (src/storage/model-file-group.ts), reads them, runs the same checks the
// worker runs on them (artifactsFromFiles, src/model/model-files.ts) so that a damaged or missing
// file is named at once without touching the model on screen, and names the model by the hash
// of its files (src/storage/content-hash.ts).
import { artifactsFromFiles, MAX_MODEL_BYTES, parseModelJson } from '../../model/model-files';
import { modelContentHash } from '../../storage/content-hash';
import { groupModelFiles, orderShards } from '../../storage/model-file-group';
import {
  modelFilesBytes,
  type LocalModelFiles,
  type OpenedModel,
} from '../../storage/model-files-types';

/** A chosen file and its path within what was chosen ("grey-20/model.json" from a folder). */
export interface ChosenFile {
  path: string;
  file: File;
}

/** The chosen files do not make one model (none, two, too large); the message says what to do. */
export class OpenFilesError extends Error {
  override name = 'OpenFilesError';
}

/** Room for model.json's topology and a labels file beside the weights' limit. */
const MAX_TOTAL_BYTES = MAX_MODEL_BYTES + 40 * 1024 * 1024;

/** A picker's files: their names (or the folder path a directory picker gives). */
export function chosenFromList(files: Iterable<File>): ChosenFile[] {
  return [...files].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The Keras model's own name from the topology, when it has one. */
function topologyName(json: { modelTopology?: unknown }): string | null {
  const topology = json.modelTopology as Record<string, unknown> | undefined;
  const config = (topology?.['model_config'] ?? topology) as Record<string, unknown> | undefined;
  const inner = config?.['config'] as Record<string, unknown> | undefined;
  const name = inner?.['name'];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads and checks the model among `chosen`. Throws OpenFilesError (no model.json, two models,
 * too large) or ModelFileError (invalid or HTML model.json, a missing or truncated shard) with a
 * message for the user. What only building the model can tell (NaN weights, an input the app cannot
 * show) is the worker's to say.
 */
export async function readModelFiles(chosen: readonly ChosenFile[]): Promise<OpenedModel> {
  const grouped = groupModelFiles(chosen.map((c) => ({ ...c, size: c.file.size })));
  if (!grouped.ok) throw new OpenFilesError(grouped.reason);
  const { modelJson, shards, labels, samples, folder } = grouped.group;
  const total = [modelJson, ...shards, ...(labels ? [labels] : [])].reduce(
    (sum, f) => sum + f.size,
    0,
  );
  if (total > MAX_TOTAL_BYTES) {
    throw new OpenFilesError(
      `The files take ${megabytes(total)}, more than the ${megabytes(MAX_MODEL_BYTES)} this app loads: it is built for small image classifiers.`,
    );
  }
  const text = await modelJson.file.text();
  const data = new Map<string, ArrayBuffer>();
  for (const shard of shards) data.set(shard.path, await shard.file.arrayBuffer());
  // Throws for everything the files themselves get wrong; the artifacts are the worker's to build.
  artifactsFromFiles(text, data);
  const json = parseModelJson(text);
  const ordered = orderShards(
    json.weightsManifest.flatMap((group) => group.paths),
    data,
  ).filter((shard) => shard !== null);
  const files: LocalModelFiles = { modelJson: text, shards: ordered };
  if (labels)
    files.labels = {
      name: labels.path.slice(labels.path.lastIndexOf('/') + 1),
      text: await labels.file.text(),
    };
  const model: OpenedModel = {
    hash: await modelContentHash(files),
    name: folder ?? topologyName(json) ?? 'model',
    bytes: modelFilesBytes(files),
    files,
  };
  // Beside the model, not part of it: the gallery does not change what the model computes.
  if (samples) {
    model.samples = {
      meta: await samples.meta.file.text(),
      bin: await samples.bin.file.arrayBuffer(),
    };
    model.bytes += samples.meta.file.size + samples.bin.file.size;
  }
  return model;
}
