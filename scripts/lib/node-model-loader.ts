// Loads any TF.js Layers image classifier from disk for the command line. Node has no file://
// model loader without tfjs-node, so model.json, its weight shards and a labels file beside it
// are read with fs and handed to the app's own loader as opened files (src/model/load.ts with
// src/model/model-files.ts: file checks, tf.io.fromMemory, finite weights, input 8–256 px × 1 or
// 3 channels, 2–1000 classes, class names); then the engine (src/pathways/network.ts: supported
// layers, src/model/layer-chain.ts: one chain) decides whether its pathways can be traced. Each
// refusal is a ModelLoadError whose one-line message names the file, layer or shape at fault.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LabelsFile } from '../../src/model/class-names';
import { chainBreak } from '../../src/model/layer-chain';
import { disposeModel, loadModel } from '../../src/model/load';
import {
  MAX_MODEL_BYTES,
  ModelFileError,
  parseModelJson,
  type ModelFileSet,
} from '../../src/model/model-files';
import {
  buildNetwork,
  disposeNetwork,
  UnsupportedLayerError,
  type InputInfo,
  type Network,
} from '../../src/pathways';
import { readModelCard } from '../../training/lib/node-model';
import { isShippedModel, type ShippedModel } from './pathways-args';
import { REPO_ROOT } from './shipped';

/** The model cannot be used: bad path, damaged files, unsupported shape or layer. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

export interface CliModel {
  /** What reports call the model: the shipped id, or the path as given. */
  id: string;
  /** The shipped id, or null for a model of the user's. */
  shipped: ShippedModel | null;
  /** Absolute path of model.json. */
  file: string;
  model: tfl.LayersModel;
  net: Network;
  input: InputInfo;
  classCount: number;
  classNames: string[];
  /** Where the names come from: 'model card' (shipped models), 'model.json metadata',
   * 'labels.txt', 'labels.json' or 'default' ("class 0" …). */
  classNamesSource: string;
  /** Why names the model came with were not used (wrong count, bad labels file). */
  classNamesProblem?: string;
}

/** Label files looked for beside model.json, in this order (the model's metadata comes first). */
export const LABEL_FILES = ['labels.txt', 'labels.json'] as const;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** model.json of a shipped id, a folder, or a file path; refuses what is not there. */
export function resolveModelFile(spec: string): string {
  if (isShippedModel(spec)) return join(REPO_ROOT, 'public', 'models', spec, 'model.json');
  const path = resolve(spec);
  if (!existsSync(path)) throw new ModelLoadError(`no model at '${spec}': no such file or folder`);
  if (statSync(path).isDirectory()) {
    const file = join(path, 'model.json');
    if (!existsSync(file)) throw new ModelLoadError(`the folder '${spec}' holds no model.json`);
    return file;
  }
  return path;
}

/** Reads a file, refusing one larger than any model may be before it is read. */
function readLimited(path: string, what: string): Buffer {
  const size = statSync(path).size;
  if (size > MAX_MODEL_BYTES) {
    throw new ModelLoadError(
      `${what} is ${megabytes(size)}, more than the ${megabytes(MAX_MODEL_BYTES)} a model may take`,
    );
  }
  return readFileSync(path);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The shard files the manifest lists, read from beside model.json (the path as written, or its
 * base name when a converter's sub-folder was flattened), named by the manifest's own path.
 */
function readShards(file: string, paths: string[]): ModelFileSet['shards'] {
  const dir = dirname(file);
  const shards: ModelFileSet['shards'] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const candidates = [resolve(dir, safeDecode(path)), join(dir, basename(safeDecode(path)))];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (!found) {
      missing.push(path);
      continue;
    }
    const bytes = readLimited(found, `the weight file ${path}`);
    shards.push({ name: path, data: Uint8Array.from(bytes).buffer });
  }
  if (missing.length > 0) {
    throw new ModelLoadError(
      `${file} lists the weight file${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, ` +
        `but ${missing.length > 1 ? 'they are' : 'it is'} not in ${dir}`,
    );
  }
  return shards;
}

/** labels.txt or labels.json beside model.json, the first that exists. */
function labelsBeside(file: string): LabelsFile | null {
  for (const name of LABEL_FILES) {
    const path = join(dirname(file), name);
    if (existsSync(path)) return { name, text: readFileSync(path, 'utf8') };
  }
  return null;
}

/**
 * model.json, its shards and a labels file beside it, as the app's ModelFileSet: what the page
 * hands its worker when the user opens files. model.json is parsed here only to learn which
 * shard files to read; load.ts checks everything again when it builds the model.
 */
export function readModelFiles(file: string): ModelFileSet {
  const modelJson = readLimited(file, basename(file)).toString('utf8');
  let paths: string[];
  try {
    paths = parseModelJson(modelJson).weightsManifest.flatMap((group) => group.paths);
  } catch (error) {
    if (error instanceof ModelFileError) throw new ModelLoadError(`${file}: ${error.message}`);
    throw error;
  }
  const labels = labelsBeside(file);
  return { modelJson, shards: readShards(file, paths), ...(labels ? { labels } : {}) };
}

/**
 * The engine's network for a loaded model, or a ModelLoadError naming the layer it cannot trace
 * (the model is disposed then).
 */
function networkOf(model: tfl.LayersModel, file: string): Network {
  const refuse = (reason: string) =>
    new ModelLoadError(`${file}: the pathways cannot be traced: ${reason}`);
  try {
    const branches = chainBreak(model);
    if (branches) throw refuse(branches.reason);
    return buildNetwork(model);
  } catch (error) {
    disposeModel(model);
    if (error instanceof ModelLoadError) throw error;
    throw refuse(error instanceof UnsupportedLayerError ? error.message : firstLine(error));
  }
}

function namesSource(source: string, labels: LabelsFile | undefined): string {
  if (source === 'metadata') return 'model.json metadata';
  if (source === 'labels') return labels?.name ?? 'labels file';
  return 'default';
}

/**
 * Loads a shipped model or model.json on the current tfjs backend (start it first, e.g.
 * initNodeBackend('wasm') from training/lib/node-model.ts). Free it with disposeCliModel.
 */
export async function loadCliModel(spec: string): Promise<CliModel> {
  const file = resolveModelFile(spec);
  const files = readModelFiles(file);
  let loaded;
  try {
    loaded = await loadModel(
      { url: file, files },
      {
        loader: () => Promise.reject(new Error('a model opened from files is never downloaded')),
        onProgress: () => {},
      },
    );
  } catch (error) {
    throw new ModelLoadError(`${file}: ${firstLine(error)}`);
  }
  const { model, summary } = loaded;
  const net = networkOf(model, file);
  const shipped = isShippedModel(spec) ? spec : null;
  // The shipped models carry no names of their own; their model cards do.
  const card = shipped ? readModelCard(dirname(file)) : null;
  return {
    id: spec,
    shipped,
    file,
    model,
    net,
    input: { ...net.input },
    classCount: net.classCount,
    classNames: card ? card.classNames : summary.classNames,
    classNamesSource: card ? 'model card' : namesSource(summary.classNamesSource, files.labels),
    ...(!card && summary.classNamesProblem ? { classNamesProblem: summary.classNamesProblem } : {}),
  };
}

export function disposeCliModel(m: CliModel): void {
  disposeNetwork(m.net);
  disposeModel(m.model);
}
