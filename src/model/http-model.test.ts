import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestModel } from '../worker/test-model.test-util';
import { downloadModelFiles, findLabelsBeside, type FetchOptions } from './http-model';
import { createHttpModelLoader, loadModel, type LoadedModel } from './load';
import { MAX_MODEL_BYTES } from './model-files';
import { saveModelFiles } from './model-files.test-util';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const BASE = 'https://models.example/cnn/';
const PAGE = 'https://app.example';

type Reply = () => Response;

/** A fake server: each requested URL is recorded; unknown paths answer 404. */
function server(routes: Record<string, Reply | 'network-error'>) {
  const requested: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const route = routes[url];
    if (route === 'network-error') throw new TypeError('Failed to fetch');
    return route ? route() : new Response('', { status: 404, statusText: 'Not Found' });
  }) as typeof globalThis.fetch;
  return { requested, options: { fetch, pageOrigin: PAGE } satisfies FetchOptions };
}

const jsonReply =
  (text: string): Reply =>
  () =>
    new Response(text, { headers: { 'content-type': 'application/json' } });
const binReply =
  (data: ArrayBuffer): Reply =>
  () =>
    new Response(data);

async function savedModel() {
  const model = buildTestModel();
  const files = await saveModelFiles(model, { shardCount: 2 });
  model.dispose();
  return files;
}

/** Loads through the download checks, as the worker does for a URL. */
function loadFrom(url: string, options: FetchOptions): Promise<LoadedModel> {
  return loadModel({ url }, { loader: createHttpModelLoader(options), onProgress: () => {} });
}

describe('downloadModelFiles', () => {
  it('downloads model.json and its shards, reporting progress up to 1', async () => {
    const files = await savedModel();
    const { options, requested } = server({
      [`${BASE}model.json`]: jsonReply(files.modelJson),
      [`${BASE}group1-shard1of2.bin`]: binReply(files.shards.get('group1-shard1of2.bin')!),
      [`${BASE}group1-shard2of2.bin`]: binReply(files.shards.get('group1-shard2of2.bin')!),
    });
    const progress: number[] = [];
    const got = await downloadModelFiles(`${BASE}model.json`, (f) => progress.push(f), options);
    expect([...got.shards.keys()].sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin']);
    expect(requested).toHaveLength(3);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('builds a model that predicts like the original', async () => {
    const model = buildTestModel();
    const files = await saveModelFiles(model);
    const { options } = server({
      [`${BASE}model.json`]: jsonReply(files.modelJson),
      [`${BASE}group1-shard1of1.bin`]: binReply(files.shards.get('group1-shard1of1.bin')!),
    });
    const loaded = await loadFrom(`${BASE}model.json`, options);
    const x = tf.ones([1, 28, 28, 1]);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.model.predict(x) as tf.Tensor];
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.model.dispose();
  });

  it('says there is no file at a 404 address', async () => {
    const { options } = server({});
    await expect(loadFrom(`${BASE}model.json`, options)).rejects.toThrow(
      `Could not load the model from ${BASE}model.json: there is no file at ${BASE}model.json (404 Not Found): check the address.`,
    );
  });

  it('recognises an HTML page and invalid JSON served as model.json', async () => {
    const html = server({
      [`${BASE}model.json`]: () =>
        new Response('<!doctype html><h1>Welcome</h1>', {
          headers: { 'content-type': 'text/html' },
        }),
    });
    await expect(loadFrom(`${BASE}model.json`, html.options)).rejects.toThrow(
      /did not send a model.json \(it sent something else, often an HTML page/,
    );
    const broken = server({ [`${BASE}model.json`]: jsonReply('{"modelTopology": [1, 2') });
    await expect(loadFrom(`${BASE}model.json`, broken.options)).rejects.toThrow(
      /did not send a model.json \(model.json is not valid JSON/,
    );
  });

  it('explains a cross-origin network failure as CORS, a same-origin one as unreachable', async () => {
    const cross = server({ [`${BASE}model.json`]: 'network-error' });
    await expect(loadFrom(`${BASE}model.json`, cross.options)).rejects.toThrow(
      `Could not load the model from ${BASE}model.json. The server at https://models.example did not let this site read the file (no CORS header, or it is unreachable). Ask its owner to send Access-Control-Allow-Origin, serve the model from this site, or download the files and use Open model…`,
    );
    const same = server({ [`${PAGE}/m/model.json`]: 'network-error' });
    await expect(loadFrom(`${PAGE}/m/model.json`, same.options)).rejects.toThrow(
      /could not be reached \(Failed to fetch\): the connection or the server is down/,
    );
  });

  it('refuses a model over the limit from its manifest, before any shard is fetched', async () => {
    const files = await savedModel();
    const json = JSON.parse(files.modelJson);
    json.weightsManifest[0].weights.push({
      name: 'huge',
      shape: [MAX_MODEL_BYTES / 4],
      dtype: 'float32',
    });
    const { options, requested } = server({
      [`${BASE}model.json`]: jsonReply(JSON.stringify(json)),
    });
    await expect(loadFrom(`${BASE}model.json`, options)).rejects.toThrow(/more than the 256.0 MB/);
    expect(requested).toEqual([`${BASE}model.json`]);
  });

  it('names a truncated shard and a missing one', async () => {
    const files = await savedModel();
    const first = files.shards.get('group1-shard1of2.bin')!;
    const truncated = server({
      [`${BASE}model.json`]: jsonReply(files.modelJson),
      [`${BASE}group1-shard1of2.bin`]: binReply(first),
      [`${BASE}group1-shard2of2.bin`]: binReply(new ArrayBuffer(12)),
    });
    await expect(loadFrom(`${BASE}model.json`, truncated.options)).rejects.toThrow(
      /the weight files do not match model.json \(a truncated or wrong shard\): Truncated or wrong shard: group1-shard1of2.bin \(\d+ bytes\), group1-shard2of2.bin \(12 bytes\)/,
    );
    const missing = server({
      [`${BASE}model.json`]: jsonReply(files.modelJson),
      [`${BASE}group1-shard1of2.bin`]: binReply(first),
    });
    await expect(loadFrom(`${BASE}model.json`, missing.options)).rejects.toThrow(
      `the weight file group1-shard2of2.bin listed in model.json could not be downloaded: the server answered 404 Not Found for ${BASE}group1-shard2of2.bin.`,
    );
  });

  it('stops reading a shard that is larger than all the weights', async () => {
    const files = await savedModel();
    const { options } = server({
      [`${BASE}model.json`]: jsonReply(files.modelJson),
      [`${BASE}group1-shard1of2.bin`]: binReply(new ArrayBuffer(10 * 1024 * 1024)),
      [`${BASE}group1-shard2of2.bin`]: binReply(files.shards.get('group1-shard2of2.bin')!),
    });
    await expect(loadFrom(`${BASE}model.json`, options)).rejects.toThrow(
      /group1-shard1of2.bin holds more than the \d+ bytes of all the weights model.json lists/,
    );
  });
});

describe('findLabelsBeside', () => {
  it('prefers labels.json, then labels.txt', async () => {
    const both = server({
      [`${BASE}labels.json`]: jsonReply('["a","b"]'),
      [`${BASE}labels.txt`]: () => new Response('x\ny'),
    });
    expect(await findLabelsBeside(`${BASE}model.json`, both.options)).toEqual({
      file: { name: 'labels.json', text: '["a","b"]' },
    });
    const txt = server({ [`${BASE}labels.txt`]: () => new Response('x\ny') });
    expect(await findLabelsBeside(`${BASE}model.json`, txt.options)).toEqual({
      file: { name: 'labels.txt', text: 'x\ny' },
    });
    expect(txt.requested).toEqual([`${BASE}labels.json`, `${BASE}labels.txt`]);
  });

  it('is silent about 404s, HTML fallbacks and blocked requests, but reports a server error', async () => {
    const quiet = server({
      [`${BASE}labels.json`]: () =>
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      [`${BASE}labels.txt`]: 'network-error',
    });
    expect(await findLabelsBeside(`${BASE}model.json`, quiet.options)).toEqual({ file: null });
    const failing = server({
      [`${BASE}labels.json`]: () => new Response('', { status: 500, statusText: 'Oops' }),
    });
    expect(await findLabelsBeside(`${BASE}model.json`, failing.options)).toEqual({
      file: null,
      problem: 'labels.json could not be read (the server answered 500 Oops)',
    });
  });
});
