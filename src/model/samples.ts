// The gallery's sample sets: public/samples/<id>.bin (raw uint8, N×H×W×C row-major, NHWC) plus
// public/samples/<id>.json (labels, class names, and `channels` when not 1). A model the user
// opens may bring its own set in the same format (docs/own-model.md). Loaded on the main thread;
// no TensorFlow.js.
import type { InputShape } from '../state/input-shape';

export interface SampleSet {
  dataset: string;
  count: number;
  height: number;
  width: number;
  /** 1 (grey, the built-in sets) or 3 (RGB). */
  channels: number;
  classNames: string[];
  /** labels[i] = class index of sample i. */
  labels: Uint16Array;
  /** count × height × width × channels bytes, 0 = background, 255 = full ink. */
  pixels: Uint8Array;
}

export class SampleSetError extends Error {
  override name = 'SampleSetError';
}

function fail(what: string): never {
  throw new SampleSetError(`The sample set is broken: ${what}.`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(meta: Record<string, unknown>, key: string, max: number): number {
  const v = meta[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0 || v > max) {
    fail(`"${key}" must be a whole number from 1 to ${max}`);
  }
  return v;
}

/** Validates the metadata against the bytes; never trusts one without the other. */
export function parseSampleSet(meta: unknown, bytes: ArrayBuffer): SampleSet {
  if (!isObject(meta)) fail('the metadata is not a JSON object');
  const count = positiveInt(meta, 'count', 100_000);
  const height = positiveInt(meta, 'height', 512);
  const width = positiveInt(meta, 'width', 512);
  const channels = meta['channels'] === undefined ? 1 : positiveInt(meta, 'channels', 4);
  if (channels !== 1 && channels !== 3) fail('"channels" must be 1 (grey) or 3 (RGB)');
  const names = meta['classNames'];
  if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
    fail('"classNames" must be a list of names');
  }
  const classNames = (names as string[]).map((n) => n.slice(0, 40));
  const rawLabels = meta['labels'];
  if (!Array.isArray(rawLabels) || rawLabels.length !== count) {
    fail(`"labels" must list ${count} labels`);
  }
  const labels = new Uint16Array(count);
  rawLabels.forEach((label, i) => {
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0) {
      fail(`label ${i} is not a class index`);
    }
    if (label >= classNames.length) fail(`label ${i} (${label}) has no class name`);
    labels[i] = label;
  });
  const expected = count * height * width * channels;
  if (bytes.byteLength !== expected) {
    fail(`the image file has ${bytes.byteLength} bytes, but ${count} images need ${expected}`);
  }
  const dataset = typeof meta['dataset'] === 'string' ? meta['dataset'] : 'unknown';
  return {
    dataset,
    count,
    height,
    width,
    channels,
    classNames,
    labels,
    pixels: new Uint8Array(bytes),
  };
}

async function fetchOk(url: string, fetcher: typeof fetch): Promise<Response> {
  const response = await fetcher(url);
  if (!response.ok) throw new SampleSetError(`Could not fetch ${url} (HTTP ${response.status}).`);
  return response;
}

export async function loadSampleSet(
  urls: { bin: string; meta: string },
  fetcher: typeof fetch = fetch,
): Promise<SampleSet> {
  const [metaResponse, binResponse] = await Promise.all([
    fetchOk(urls.meta, fetcher),
    fetchOk(urls.bin, fetcher),
  ]);
  let meta: unknown;
  try {
    meta = await metaResponse.json();
  } catch {
    fail('the metadata is not valid JSON');
  }
  return parseSampleSet(meta, await binResponse.arrayBuffer());
}

/** The geometry of the set's images. */
export function sampleShape(set: SampleSet): InputShape {
  return { height: set.height, width: set.width, channels: set.channels };
}

/** Sample i as H×W×C float32 in [0, 1] (pixel/255), the model's input normalisation. */
export function sampleImage(set: SampleSet, index: number): Float32Array {
  const size = set.height * set.width * set.channels;
  const out = new Float32Array(size);
  const start = index * size;
  for (let k = 0; k < size; k++) out[k] = (set.pixels[start + k] as number) / 255;
  return out;
}
