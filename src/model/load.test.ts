import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestModel, tensorCount } from '../worker/test-model.test-util';
import type { LabelsLookup } from './http-model';
import { explainLoadError, loadModel, withLabels, type LoadOptions } from './load';
import { saveModelFiles } from './model-files.test-util';
import type { ModelFileSet } from './model-files';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The test CNN with one value of `layer`'s kernel replaced. */
function damagedModel(layer: string, value: number) {
  const model = buildTestModel();
  const target = model.getLayer(layer);
  const [kernel, ...rest] = target.getWeights();
  const values = kernel!.dataSync().slice();
  values[3] = value;
  const replacement = tf.tensor(values, kernel!.shape);
  target.setWeights([replacement, ...rest]); // copies into the layer's variable
  replacement.dispose();
  return model;
}

const options = (loader: LoadOptions['loader'], extra: Partial<LoadOptions> = {}): LoadOptions => ({
  loader,
  onProgress: () => {},
  ...extra,
});

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

async function filesOf(
  metadata?: Record<string, unknown>,
  labels?: ModelFileSet['labels'],
): Promise<ModelFileSet> {
  const model = buildTestModel();
  const saved = await saveModelFiles(model, metadata ? { userDefinedMetadata: metadata } : {});
  model.dispose();
  return {
    modelJson: saved.modelJson,
    shards: [...saved.shards].map(([name, data]) => ({ name, data })),
    ...(labels ? { labels } : {}),
  };
}

const noUrlLoads: LoadOptions['loader'] = async () => {
  throw new Error('no URL load expected');
};

describe('loadModel', () => {
  it('loads and validates a sound model, with default class names', async () => {
    const { model, summary } = await loadModel(
      { url: 'mem://ok' },
      options(async () => buildTestModel()),
    );
    expect(summary.classCount).toBe(10);
    expect(summary.classNames).toEqual(Array.from({ length: 10 }, (_, i) => `class ${i}`));
    expect(summary.classNamesSource).toBe('default');
    model.dispose();
  });

  it('refuses NaN and infinite weights, naming the layer, and frees the model', async () => {
    const before = tensorCount();
    await expect(
      loadModel(
        { url: 'mem://nan' },
        options(async () => damagedModel('logits', NaN)),
      ),
    ).rejects.toThrow(/Layer “logits” has a NaN weight/);
    await expect(
      loadModel(
        { url: 'mem://inf' },
        options(async () => damagedModel('conv1', Infinity)),
      ),
    ).rejects.toThrow(/Layer “conv1” has an infinite weight/);
    // The refused models' weights are disposed again.
    expect(tensorCount()).toBe(before);
  });

  it('says which URL failed when the loader throws', async () => {
    await expect(
      loadModel(
        { url: 'mem://gone' },
        options(async () => {
          throw new Error('404 Not Found');
        }),
      ),
    ).rejects.toThrow('Could not load the model from mem://gone: 404 Not Found');
  });

  it('builds a model from files, with the names in its metadata', async () => {
    const files = await filesOf({ classNames: DIGITS });
    const { model, summary } = await loadModel(
      { url: 'local-model:abc', files },
      options(noUrlLoads),
    );
    expect(summary).toMatchObject({
      url: 'local-model:abc',
      inputShape: [28, 28, 1],
      classNames: DIGITS,
      classNamesSource: 'metadata',
    });
    model.dispose();
  });

  it('names the classes from the labels file opened with the files', async () => {
    const files = await filesOf(undefined, {
      name: 'labels.txt',
      text: `${DIGITS.join('\n')}\n\n`,
    });
    const { model, summary } = await loadModel(
      { url: 'local-model:l', files },
      options(noUrlLoads),
    );
    expect(summary.classNamesSource).toBe('labels');
    expect(summary.classNames[9]).toBe('nine');
    // The same kept model, opened again with another labels file, takes the new names.
    const relabelled = withLabels({ model, summary }, { name: 'labels.json', text: '["a","b"]' });
    expect(relabelled.summary.classNamesSource).toBe('default');
    expect(relabelled.summary.classNamesProblem).toBe(
      'labels.json has 2 names, but the model has 10 outputs.',
    );
    model.dispose();
  });

  it('refuses damaged files with the file checks’ own message and leaks nothing', async () => {
    const files = await filesOf();
    const before = tensorCount();
    const truncated = {
      ...files,
      shards: files.shards.map((s) => ({ name: s.name, data: s.data.slice(0, 100) })),
    };
    await expect(
      loadModel({ url: 'local-model:t', files: truncated }, options(noUrlLoads)),
    ).rejects.toThrow(/^Truncated or wrong shard: group1-shard1of1.bin \(100 bytes\)/);
    expect(tensorCount()).toBe(before);
  });

  it('explains a manifest that lists fewer weights than the layers have', async () => {
    const files = await filesOf();
    const json = JSON.parse(files.modelJson);
    json.weightsManifest[0].weights.pop(); // logits/bias: 10 floats
    const shard = files.shards[0]!;
    const edited: ModelFileSet = {
      modelJson: JSON.stringify(json),
      shards: [{ name: shard.name, data: shard.data.slice(0, shard.data.byteLength - 40) }],
    };
    const before = tensorCount();
    await expect(
      loadModel({ url: 'local-model:e', files: edited }, options(noUrlLoads)),
    ).rejects.toThrow(
      /^The model files could not be built into a model: the weights model.json lists do not match its layers/,
    );
    expect(tensorCount()).toBe(before);
  });

  it('says that a local model key needs its files', async () => {
    await expect(loadModel({ url: 'local-model:abc' }, options(noUrlLoads))).rejects.toThrow(
      /opened from files on this device, and its files did not come with the request/,
    );
  });

  it('looks for labels beside a URL model only when its metadata names no classes', async () => {
    const asked: string[] = [];
    const labelsLoader = async (url: string): Promise<LabelsLookup> => {
      asked.push(url);
      return { file: { name: 'labels.json', text: JSON.stringify(DIGITS) } };
    };
    const plain = await loadModel(
      { url: 'https://x/m/model.json' },
      options(async () => buildTestModel(), { labelsLoader }),
    );
    expect(plain.summary).toMatchObject({ classNamesSource: 'labels', classNames: DIGITS });
    plain.model.dispose();

    const skipped = await loadModel(
      { url: 'https://x/builtin/model.json', lookForLabels: false },
      options(async () => buildTestModel(), { labelsLoader }),
    );
    expect(skipped.summary.classNamesSource).toBe('default');
    skipped.model.dispose();
    expect(asked).toEqual(['https://x/m/model.json']);
  });

  it('explains an HTML page, a truncated shard or an unknown layer in plain words', () => {
    expect(explainLoadError('Failed to parse model JSON of response from x')).toMatch(/HTML page/);
    expect(
      explainLoadError(
        'Based on the provided shape, [3,3,8,8], the tensor should have 576 values but has 170',
      ),
    ).toMatch(/^the weight files do not match model.json \(a truncated or wrong shard\)/);
    expect(explainLoadError('Unknown layer: TFOpLambda. This may be due to …')).toMatch(
      /^the model uses the layer TFOpLambda, which TensorFlow.js cannot build/,
    );
    expect(explainLoadError('2 of 4 weights are not set: d/kernel, d/bias')).toMatch(
      /^the weights model.json lists do not match its layers/,
    );
    expect(explainLoadError('Request failed with status code 404')).toBe(
      'Request failed with status code 404',
    );
  });
});
