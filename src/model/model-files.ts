// Turns the files of a TensorFlow.js Layers model (model.json + weight shards) into the artifacts
// tfjs builds a model from, checking them first so that every damaged or wrong file gets a
// message that names it. Pure: no DOM, no fetch, so the page, the workers and the Node CLI share it.
import type { io } from '@tensorflow/tfjs-core';

/** The largest model this app loads: the weights live in the page, in two workers and in
 * IndexedDB at once, and the small image classifiers the app is built for are far below this. */
export const MAX_MODEL_BYTES = 256 * 1024 * 1024;

const CONVERT_HINT = 'convert it with `tensorflowjs_converter --output_format=tfjs_layers_model`';

/** What is wrong, so that a URL load can word it for a server rather than a chosen file. */
export type ModelFileProblem =
  | 'empty'
  | 'html'
  | 'json'
  | 'not-layers'
  | 'manifest'
  | 'too-large'
  | 'missing-shard'
  | 'shard-size';

/** A model file that cannot be used, with a message meant for the person who chose it. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(
    readonly problem: ModelFileProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The files of a model opened from this device, as the page hands them to a worker. */
export interface ModelFileSet {
  /** model.json's text. */
  modelJson: string;
  /** The weight shards (and possibly other chosen files, which are ignored), by file name. */
  shards: Array<{ name: string; data: ArrayBuffer }>;
  /** labels.txt or labels.json, when the user chose one. */
  labels?: { name: string; text: string };
}

/** The model key of a model opened from files: the cache and the summary's url use it. */
export const LOCAL_MODEL_KEY_PREFIX = 'local-model:';

export function localModelKey(sha256Hex: string): string {
  return `${LOCAL_MODEL_KEY_PREFIX}${sha256Hex}`;
}

export function isLocalModelKey(url: string): boolean {
  return url.startsWith(LOCAL_MODEL_KEY_PREFIX);
}

/** Bytes per stored element. 'string' weights have no fixed size (image classifiers never
 * have them), so they are refused when the manifest is read. */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
};
/** A quantized weight is stored in its quantization dtype and widened on load. */
const QUANTIZED_BYTES: Readonly<Record<string, number>> = { uint8: 1, uint16: 2, float16: 2 };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bytes one weight spec occupies in its shard. */
function specByteLength(spec: io.WeightsManifestEntry): number {
  const elements = spec.shape.reduce((product, d) => product * d, 1);
  const perElement = spec.quantization
    ? QUANTIZED_BYTES[spec.quantization.dtype]
    : DTYPE_BYTES[spec.dtype];
  // checkManifest has refused unknown dtypes, so perElement is defined here.
  return elements * (perElement ?? 0);
}

/** Bytes the weight specs of one manifest group need: what its shards must hold together. */
function groupByteLength(group: io.WeightsManifestConfig[number]): number {
  return group.weights.reduce((sum, spec) => sum + specByteLength(spec), 0);
}

/** Bytes the weight specs of a model.json need, from their shapes and dtypes. */
export function manifestByteLength(json: Pick<io.ModelJSON, 'weightsManifest'>): number {
  return json.weightsManifest.reduce((sum, group) => sum + groupByteLength(group), 0);
}

function checkWeightSpec(spec: unknown, where: string): void {
  if (!isRecord(spec) || typeof spec['name'] !== 'string') {
    throw new ModelFileError('manifest', `model.json is damaged: ${where} has no weight name.`);
  }
  const name = spec['name'];
  const shape = spec['shape'];
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ModelFileError(
      'manifest',
      `model.json is damaged: weight “${name}” has no valid shape (a list of sizes).`,
    );
  }
  const quantization = spec['quantization'];
  if (quantization !== undefined) {
    const dtype = isRecord(quantization) ? quantization['dtype'] : undefined;
    if (typeof dtype !== 'string' || !(dtype in QUANTIZED_BYTES)) {
      throw new ModelFileError(
        'manifest',
        `model.json is damaged: weight “${name}” has an unknown quantization (${String(dtype)}); ` +
          `uint8, uint16 and float16 are supported.`,
      );
    }
    return;
  }
  const dtype = spec['dtype'];
  if (typeof dtype !== 'string' || !(dtype in DTYPE_BYTES)) {
    throw new ModelFileError(
      'manifest',
      `weight “${name}” has dtype ${String(dtype)}, but an image classifier's weights are ` +
        `float32, int32, bool or complex64.`,
    );
  }
}

/** Checks the shape of weightsManifest so that the byte counts below can trust it. */
function checkManifest(manifest: unknown): asserts manifest is io.WeightsManifestConfig {
  if (!Array.isArray(manifest)) {
    throw new ModelFileError(
      'manifest',
      `model.json has no weightsManifest (it holds ${describeValue(manifest)}): it describes a ` +
        `topology without trained weights. Save the model with its weights, or ${CONVERT_HINT}.`,
    );
  }
  manifest.forEach((group: unknown, g) => {
    const where = `weightsManifest group ${g + 1}`;
    if (!isRecord(group)) {
      throw new ModelFileError(
        'manifest',
        `model.json is damaged: ${where} is ${describeValue(group)}.`,
      );
    }
    const paths = group['paths'];
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && p !== '')) {
      throw new ModelFileError(
        'manifest',
        `model.json is damaged: ${where} has no list of shard file names.`,
      );
    }
    const weights = group['weights'];
    if (!Array.isArray(weights)) {
      throw new ModelFileError(
        'manifest',
        `model.json is damaged: ${where} has no list of weights.`,
      );
    }
    weights.forEach((spec: unknown) => checkWeightSpec(spec, where));
  });
}

/** tfjs-converter's graph models and TensorFlow GraphDefs: tfjs-layers cannot build these. */
function isGraphModel(json: Record<string, unknown>): boolean {
  const topology = json['modelTopology'];
  return (
    json['format'] === 'graph-model' ||
    (isRecord(topology) && ('node' in topology || 'library' in topology || 'versions' in topology))
  );
}

/** A Keras topology: Python's converter nests it under model_config; tfjs's own save does not. */
function isLayersTopology(topology: unknown): boolean {
  if (!isRecord(topology)) return false;
  const config = isRecord(topology['model_config']) ? topology['model_config'] : topology;
  return typeof config['class_name'] === 'string' && isRecord(config['config']);
}

/**
 * Parses and checks a model.json: that it is JSON, a Layers model (not a graph model) and that its
 * weights manifest is well formed and within MAX_MODEL_BYTES. Separate from artifactsFromFiles so
 * that a URL load can refuse a model before downloading its shards.
 */
export function parseModelJson(text: string): io.ModelJSON {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    throw new ModelFileError('empty', 'model.json is empty: the file holds no text.');
  }
  if (trimmed.startsWith('<')) {
    throw new ModelFileError(
      'html',
      'model.json is an HTML page, not a model (a web page saved or served in its place: ' +
        'check the address or download the raw file).',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelFileError('json', `model.json is not valid JSON (${reason}).`);
  }
  if (!isRecord(json)) {
    throw new ModelFileError(
      'not-layers',
      `model.json is not a TensorFlow.js model: it holds ${describeValue(json)}, not an object with a modelTopology.`,
    );
  }
  if (isGraphModel(json)) {
    throw new ModelFileError(
      'not-layers',
      'model.json is a TensorFlow.js graph model, but this app needs a Layers model (it reads ' +
        `each layer's weights and activations): ${CONVERT_HINT}.`,
    );
  }
  if (!isLayersTopology(json['modelTopology'])) {
    throw new ModelFileError(
      'not-layers',
      'model.json is not a TensorFlow.js Layers model: it has no Keras modelTopology ' +
        `(class_name and config). If it is a Keras or SavedModel export, ${CONVERT_HINT}.`,
    );
  }
  checkManifest(json['weightsManifest']);
  const modelJson = json as unknown as io.ModelJSON;
  const bytes = manifestByteLength(modelJson);
  if (bytes > MAX_MODEL_BYTES) {
    throw new ModelFileError(
      'too-large',
      `The model's weights take ${megabytes(bytes)}, more than the ${megabytes(MAX_MODEL_BYTES)} ` +
        'this app loads: it is built for small image classifiers.',
    );
  }
  return modelJson;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Finds the file for a manifest path: exactly, then without "./" or URL escapes, then by base
 * name on both sides (a manifest may say "weights/group1-shard1of1.bin" while a file picker gives
 * "group1-shard1of1.bin", or a dropped folder "my-model/group1-shard1of1.bin").
 */
function shardFinder(
  shards: ReadonlyMap<string, ArrayBuffer>,
): (path: string) => ArrayBuffer | undefined {
  const byBaseName = new Map<string, ArrayBuffer | null>();
  for (const [name, data] of shards) {
    const base = baseName(name);
    // Two files with one base name are ambiguous: only an exact path may pick one of them.
    byBaseName.set(base, byBaseName.has(base) ? null : data);
  }
  return (path) => {
    const candidates = [path, path.replace(/^\.\//, ''), safeDecode(path.replace(/^\.\//, ''))];
    for (const candidate of candidates) {
      const exact = shards.get(candidate);
      if (exact) return exact;
    }
    return byBaseName.get(baseName(safeDecode(path))) ?? undefined;
  };
}

function shardList(paths: string[], found: ArrayBuffer[]): string {
  return paths.map((p, i) => `${p} (${found[i]?.byteLength ?? 0} bytes)`).join(', ');
}

/**
 * Builds the artifacts for tf.io.fromMemory from model.json's text and the shard files by name.
 * Every shard the manifest lists must be given and hold exactly the bytes its weight specs need;
 * files the manifest does not list (labels.txt, a README) are ignored. The weight data is the
 * shards concatenated in manifest order, the layout tfjs's own HTTP loader produces.
 */
export function artifactsFromFiles(
  modelJsonText: string,
  shards: ReadonlyMap<string, ArrayBuffer>,
): io.ModelArtifacts {
  const json = parseModelJson(modelJsonText);
  const find = shardFinder(shards);
  const missing = json.weightsManifest.flatMap((group) => group.paths.filter((p) => !find(p)));
  if (missing.length > 0) {
    const given = shards.size > 0 ? [...shards.keys()].join(', ') : 'none';
    throw new ModelFileError(
      'missing-shard',
      `The model's weight file${missing.length > 1 ? 's are' : ' is'} missing: ` +
        `${missing.join(', ')}. Choose model.json together with every file its weightsManifest ` +
        `lists (files given: ${given}).`,
    );
  }
  const parts: ArrayBuffer[] = [];
  for (const group of json.weightsManifest) {
    const found = group.paths.map((p) => find(p) as ArrayBuffer);
    const needed = groupByteLength(group);
    const held = found.reduce((sum, b) => sum + b.byteLength, 0);
    if (held !== needed) {
      throw new ModelFileError(
        'shard-size',
        `Truncated or wrong shard: ${shardList(group.paths, found)}` +
          (group.paths.length > 1 ? `, ${held} bytes in all` : '') +
          `, but the weights model.json lists for ${group.paths.length > 1 ? 'them' : 'it'} ` +
          `need ${needed} bytes.`,
      );
    }
    parts.push(...found);
  }
  const weightData = new Uint8Array(manifestByteLength(json));
  let offset = 0;
  for (const part of parts) {
    weightData.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weightData.buffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
  };
  if (json.trainingConfig) artifacts.trainingConfig = json.trainingConfig;
  if (json.userDefinedMetadata) artifacts.userDefinedMetadata = json.userDefinedMetadata;
  return artifacts;
}
