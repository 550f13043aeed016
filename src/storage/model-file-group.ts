// Which of the files a user chose or dropped make up a model: model.json, its weight shards, an
// optional labels file (labels.txt, one class name a line, or labels.json) and an optional sample
// set (samples.json + samples.bin, docs/own-model.md, "A sample set"). Pure and generic over
// the file type, so that a picker's File list, a dropped folder's entries and tests share it.
// Paths are as the browser gives them: a bare name from a picker, "folder/name" from a folder.

export interface NamedFile {
  /** The file's path within what was chosen, '/'-separated ("grey-20/model.json"). */
  path: string;
  size: number;
}

export interface ModelFileGroup<T extends NamedFile> {
  modelJson: T;
  /** Every .bin file in model.json's folder or below (its manifest picks the ones it uses: orderShards). */
  shards: T[];
  labels: T | null;
  /** samples.json and samples.bin beside model.json, when both were given. */
  samples: { meta: T; bin: T } | null;
  /** The folder model.json is in, when it came in one ("grey-20"), else null. */
  folder: string | null;
}

export type GroupResult<T extends NamedFile> =
  { ok: true; group: ModelFileGroup<T> } | { ok: false; reason: string };

/** Largest labels file read (1,000 class names fit in a few kilobytes). */
export const MAX_LABELS_BYTES = 1024 * 1024;
/** Largest sample set kept with a model: a gallery, not a dataset (500 RGB 64×64 images fit). */
export const MAX_SAMPLES_BYTES = 64 * 1024 * 1024;

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string | null {
  const cut = path.lastIndexOf('/');
  if (cut <= 0) return null;
  const dir = path.slice(0, cut);
  return baseName(dir) || null;
}

const lower = (path: string) => baseName(path).toLowerCase();
const isLabels = (path: string) => ['labels.txt', 'labels.json'].includes(lower(path));
const isSamples = (path: string) => ['samples.json', 'samples.bin'].includes(lower(path));
/** Files a system puts beside others (macOS' .DS_Store and __MACOSX, editors' backups). */
const isClutter = (path: string) =>
  path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');

function list(files: readonly NamedFile[]): string {
  const names = files.slice(0, 6).map((f) => f.path);
  return files.length > 6 ? `${names.join(', ')} and ${files.length - 6} more` : names.join(', ');
}

/** True when a drop holds a model rather than an image: a .json file, or a folder. */
export function looksLikeModelDrop(names: readonly string[], hasFolder: boolean): boolean {
  return hasFolder || names.some((name) => name.toLowerCase().endsWith('.json'));
}

/**
 * Picks model.json, the shards and the labels. A file named model.json wins; otherwise the one
 * .json that is not labels.json is the model. Two model.json (two models in one drop) or several
 * unnamed .json files are refused with the names, so the user knows what to choose instead.
 */
export function groupModelFiles<T extends NamedFile>(all: readonly T[]): GroupResult<T> {
  const files = all.filter((f) => !isClutter(f.path));
  if (files.length === 0) {
    return {
      ok: false,
      reason: 'No files were given: choose model.json and its .bin weight files.',
    };
  }
  const jsons = files.filter(
    (f) => lower(f.path).endsWith('.json') && !isLabels(f.path) && !isSamples(f.path),
  );
  const named = jsons.filter((f) => lower(f.path) === 'model.json');
  if (named.length > 1) {
    return {
      ok: false,
      reason: `The files hold ${named.length} models (${list(named)}): open one model's files or folder at a time.`,
    };
  }
  if (named.length === 0 && jsons.length > 1) {
    return {
      ok: false,
      reason: `Which file is the model? Several .json files were given (${list(jsons)}): name the model's file model.json.`,
    };
  }
  const modelJson = named[0] ?? jsons[0];
  if (!modelJson) {
    return {
      ok: false,
      reason: `No model.json among the files (${list(files)}): choose model.json together with its .bin weight files.`,
    };
  }
  const folder = folderOf(modelJson.path);
  // In a dropped folder tree only model.json's own folder counts: a sibling's files are not its.
  const dir = modelJson.path.slice(0, modelJson.path.lastIndexOf('/') + 1);
  const beside = (f: T) => f.path.startsWith(dir);
  const labelFiles = files.filter((f) => isLabels(f.path) && beside(f));
  const labels = labelFiles.find((f) => lower(f.path) === 'labels.txt') ?? labelFiles[0] ?? null;
  if (labels && labels.size > MAX_LABELS_BYTES) {
    return {
      ok: false,
      reason: `${labels.path} is ${Math.round(labels.size / 1024)} KB: a labels file lists class names, one a line, and is far smaller.`,
    };
  }
  const shards = files.filter(
    (f) => lower(f.path).endsWith('.bin') && !isSamples(f.path) && beside(f),
  );
  const sample = (name: string) => files.find((f) => lower(f.path) === name && beside(f));
  const meta = sample('samples.json');
  const bin = sample('samples.bin');
  if (meta && bin && meta.size + bin.size > MAX_SAMPLES_BYTES) {
    return {
      ok: false,
      reason: `The sample set takes ${Math.round((meta.size + bin.size) / (1024 * 1024))} MB: a gallery of a few hundred images is far smaller (${MAX_SAMPLES_BYTES / (1024 * 1024)} MB at most).`,
    };
  }
  const samples = meta && bin ? { meta, bin } : null;
  return { ok: true, group: { modelJson, shards, labels, samples, folder } };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The shards in the order model.json's weightsManifest lists them, each named as the manifest
 * names it (so the worker finds it at once), or null for a path no file matches. Matching is by
 * path (without "./" and URL escapes), then by base name, as tfjs' own loaders resolve them.
 */
export function orderShards<D>(
  manifestPaths: readonly string[],
  shards: ReadonlyMap<string, D>,
): Array<{ name: string; data: D } | null> {
  const byBase = new Map<string, D | null>();
  for (const [path, data] of shards) {
    const base = baseName(path);
    byBase.set(base, byBase.has(base) ? null : data);
  }
  return manifestPaths.map((path) => {
    const plain = safeDecode(path.replace(/^\.\//, ''));
    const data = shards.get(path) ?? shards.get(plain) ?? byBase.get(baseName(plain)) ?? null;
    return data === null ? null : { name: path, data };
  });
}
