// Downloads a Layers model's files by URL (model.json, then the shards its manifest lists) so that
// they pass the same checks as files opened from the device (model-files.ts). Done here rather
// than by tfjs's own HTTP loader so that each failure names the file and the cause, and a model
// over the size limit is refused from its manifest before any shard is downloaded.
import type { LabelsFile } from './class-names';
import { ModelFileError, manifestByteLength, parseModelJson } from './model-files';

export interface FetchOptions {
  /** Defaults to the global fetch (the worker's, the page's or Node's). */
  fetch?: typeof fetch;
  /** The origin of the page (a cross-origin failure is most likely CORS); defaults to location. */
  pageOrigin?: string | null;
  signal?: AbortSignal;
}

export interface DownloadedModel {
  modelJson: string;
  /** By manifest path, as artifactsFromFiles looks them up. */
  shards: Map<string, ArrayBuffer>;
}

/** model.json holds the topology only: a few hundred KB even for large models. */
const MAX_MODEL_JSON_BYTES = 32 * 1024 * 1024;
/** A labels file of 1,000 long names is far below this. */
const MAX_LABELS_BYTES = 1024 * 1024;
/** Progress is reported in steps of at least this fraction (each is a worker message). */
const PROGRESS_STEP = 0.01;

/** A download that failed, worded for the person who gave the address. */
export class ModelDownloadError extends Error {
  override name = 'ModelDownloadError';
}

function pageOriginOf(options: FetchOptions): string | null {
  if (options.pageOrigin !== undefined) return options.pageOrigin;
  const location = (globalThis as { location?: { origin?: string } }).location;
  return location?.origin ?? null;
}

/** fetch rejects with a TypeError when no response could be read at all (network or CORS). */
function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

function networkFailure(url: string, options: FetchOptions, error: unknown): ModelDownloadError {
  const origin = new URL(url).origin;
  if (origin !== pageOriginOf(options)) {
    return new ModelDownloadError(
      `The server at ${origin} did not let this site read the file (no CORS header, or it is ` +
        'unreachable). Ask its owner to send Access-Control-Allow-Origin, serve the model from ' +
        'this site, or download the files and use Open model…',
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ModelDownloadError(
    `${url} could not be reached (${reason}): the connection or the server is down.`,
  );
}

async function get(url: string, options: FetchOptions, signal?: AbortSignal): Promise<Response> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    return await fetchImpl(url, signal ? { signal } : undefined);
  } catch (error) {
    if (isNetworkError(error)) throw networkFailure(url, options, error);
    throw error;
  }
}

function statusText(response: Response): string {
  return `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

/**
 * Reads a response body, giving up once it holds more than `limit` bytes: a wrong address could
 * otherwise stream a file of any size into the worker. `onBytes` sees each chunk's size.
 */
async function readLimited(
  response: Response,
  limit: number,
  tooLarge: () => Error,
  onBytes: (bytes: number) => void = () => {},
): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!response.body) {
    const data = await response.arrayBuffer();
    if (data.byteLength > limit) throw tooLarge();
    onBytes(data.byteLength);
    return data;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
    onBytes(value.byteLength);
  }
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data.buffer;
}

function throttled(onProgress: (fraction: number) => void): (fraction: number) => void {
  let last = -Infinity;
  return (fraction) => {
    if (fraction >= 1 || fraction - last >= PROGRESS_STEP) {
      last = fraction;
      onProgress(Math.min(1, fraction));
    }
  };
}

/**
 * Downloads model.json and every shard its manifest lists (resolved against model.json's URL),
 * all at once; the first failure stops the others. Progress is the share of weight bytes received.
 */
export async function downloadModelFiles(
  url: string,
  onProgress: (fraction: number) => void,
  options: FetchOptions = {},
): Promise<DownloadedModel> {
  const response = await get(url, options, options.signal);
  if (!response.ok) {
    throw new ModelDownloadError(
      response.status === 404
        ? `there is no file at ${url} (404 Not Found): check the address.`
        : `the server answered ${statusText(response)} for ${url}.`,
    );
  }
  const jsonBytes = await readLimited(
    response,
    MAX_MODEL_JSON_BYTES,
    () =>
      new ModelFileError(
        'not-layers',
        `model.json is over ${MAX_MODEL_JSON_BYTES / (1024 * 1024)} MB: this is not a model.json (it holds only the topology).`,
      ),
  );
  const modelJson = new TextDecoder().decode(jsonBytes);
  // Refuses HTML, invalid JSON, graph models and models over MAX_MODEL_BYTES before any shard.
  const json = parseModelJson(modelJson);
  const paths = json.weightsManifest.flatMap((group) => group.paths);
  const shards = new Map<string, ArrayBuffer>();
  if (paths.length === 0) return { modelJson, shards };

  // What the shards must hold together; no single shard can be larger.
  const needed = manifestByteLength(json);
  const report = throttled(onProgress);
  let received = 0;
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.all(
      paths.map(async (path) => {
        const shardUrl = new URL(path, url).href;
        const shardResponse = await get(shardUrl, options, stop.signal);
        if (!shardResponse.ok) {
          throw new ModelDownloadError(
            `the weight file ${path} listed in model.json could not be downloaded: the server ` +
              `answered ${statusText(shardResponse)} for ${shardUrl}.`,
          );
        }
        const data = await readLimited(
          shardResponse,
          needed,
          () =>
            new ModelFileError(
              'shard-size',
              `Truncated or wrong shard: ${path} holds more than the ${needed} bytes of all the weights model.json lists.`,
            ),
          (bytes) => {
            received += bytes;
            report(needed > 0 ? Math.min(0.99, received / needed) : 0);
          },
        );
        shards.set(path, data);
      }),
    );
  } catch (error) {
    stop.abort();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  report(1);
  return { modelJson, shards };
}

function looksLikeHtml(response: Response, text: string): boolean {
  return /text\/html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
}

export interface LabelsLookup {
  file: LabelsFile | null;
  /** Why a labels file that was there could not be read (a 404 or no file is not a problem). */
  problem?: string;
}

/**
 * labels.json, else labels.txt, beside model.json. A file that is not there (404, an HTML page
 * a single-page host serves for every path, a blocked request) is silently skipped.
 */
export async function findLabelsBeside(
  modelUrl: string,
  options: FetchOptions = {},
): Promise<LabelsLookup> {
  const problems: string[] = [];
  for (const name of ['labels.json', 'labels.txt']) {
    const url = new URL(name, modelUrl).href;
    let response: Response;
    try {
      response = await get(url, options, options.signal);
    } catch (error) {
      if (error instanceof ModelDownloadError) continue;
      throw error; // An abort.
    }
    if (response.status === 404 || response.status === 410) continue;
    if (!response.ok) {
      problems.push(`${name} could not be read (the server answered ${statusText(response)})`);
      continue;
    }
    const tooLarge = () => new ModelDownloadError(`${name} is over 1 MB`);
    let text: string;
    try {
      text = new TextDecoder().decode(await readLimited(response, MAX_LABELS_BYTES, tooLarge));
    } catch (error) {
      if (!(error instanceof ModelDownloadError)) throw error;
      problems.push(error.message);
      continue;
    }
    if (looksLikeHtml(response, text)) continue;
    return { file: { name, text }, ...(problems.length ? { problem: problems.join('; ') } : {}) };
  }
  return { file: null, ...(problems.length ? { problem: problems.join('; ') } : {}) };
}
