// Loading models in the worker: from files opened on the device (keyed by their content hash), a
// load that fails, and models the pathway engine cannot trace (they still predict).
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { saveModelFiles } from '../model/model-files.test-util';
import type { ModelFileSet } from '../model/model-files';
import { handlerHarness as harness } from './harness.test-util';
import type { FromWorker } from './protocol';
import { buildTestModel, tensorCount } from './test-model.test-util';

async function filesOf(model: tfl.LayersModel): Promise<ModelFileSet> {
  const saved = await saveModelFiles(model);
  model.dispose();
  return {
    modelJson: saved.modelJson,
    shards: [...saved.shards].map(([name, data]) => ({ name, data })),
  };
}

/** The same files with float `index` of the (single) shard replaced by `value`. */
function withWeight(files: ModelFileSet, index: number, value: number): ModelFileSet {
  const data = files.shards[0]!.data.slice(0);
  new Float32Array(data)[index] = value;
  return { ...files, shards: [{ name: files.shards[0]!.name, data }] };
}

function resultOf(message: FromWorker | undefined) {
  if (message?.type !== 'result' || message.op !== 'loadModel') {
    throw new Error(`no model summary: ${JSON.stringify(message)}`);
  }
  return message.result;
}

function errorOf(message: FromWorker | undefined): string {
  if (message?.type !== 'error') throw new Error(`no error: ${JSON.stringify(message)}`);
  return message.error.message;
}

async function started() {
  const loads: string[] = [];
  const h = harness(async (url) => {
    loads.push(url);
    if (url === 'mem://broken') throw new Error('404 Not Found');
    return buildTestModel();
  });
  h.send({ op: 'init', channel: 'init', params: { backend: 'cpu' } });
  await h.dispatcher.idle();
  const load = async (params: { url: string; files?: ModelFileSet }) => {
    const id = h.send({ op: 'loadModel', channel: 'model', params });
    await h.dispatcher.idle();
    return h.answer(id);
  };
  const predict = async (length = 784) => {
    const id = h.send({
      op: 'predict',
      channel: 'predict',
      params: { image: new Float32Array(length).fill(0.5) },
    });
    await h.dispatcher.idle();
    return h.answer(id);
  };
  return { h, loads, load, predict };
}

describe('loadModel with files', () => {
  it('builds the model from the files, keyed by the given key, without a download', async () => {
    const { h, loads, load, predict } = await started();
    const files = await filesOf(buildTestModel(2));
    const summary = resultOf(await load({ url: 'local-model:aa11', files }));
    expect(summary).toMatchObject({
      url: 'local-model:aa11',
      inputShape: [28, 28, 1],
      classCount: 10,
      classNamesSource: 'default',
      pathways: { supported: true },
    });
    expect(loads).toEqual([]);
    expect(h.state.models.size).toBe(1);
    expect((await predict())?.type).toBe('result');
  });

  it('reuses the kept model for the same key, named for the labels file sent this time', async () => {
    const { h, load } = await started();
    const files = await filesOf(buildTestModel(2));
    resultOf(await load({ url: 'local-model:bb22', files }));
    resultOf(await load({ url: 'mem://other' }));
    const tensors = tensorCount();
    const labels = {
      name: 'labels.txt',
      text: 'zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n',
    };
    // The key stands for the files' content: they are not built a second time.
    const again = resultOf(await load({ url: 'local-model:bb22', files: { ...files, labels } }));
    expect(again).toMatchObject({ classNamesSource: 'labels', url: 'local-model:bb22' });
    expect(again.classNames[3]).toBe('three');
    expect(h.state.models.size).toBe(2);
    expect(tensorCount()).toBe(tensors);
  });

  it('a failed load leaves the previous model loaded, kept and usable', async () => {
    const { h, load, predict } = await started();
    const files = await filesOf(buildTestModel(3));
    const first = resultOf(await load({ url: 'local-model:cc33', files }));
    const model = h.state.model;
    const tensors = tensorCount();
    const truncated = {
      ...files,
      shards: [{ name: files.shards[0]!.name, data: files.shards[0]!.data.slice(0, 64) }],
    };
    expect(errorOf(await load({ url: 'local-model:dd44', files: truncated }))).toMatch(
      /^Truncated or wrong shard: group1-shard1of1.bin \(64 bytes\)/,
    );
    expect(errorOf(await load({ url: 'mem://broken' }))).toBe(
      'Could not load the model from mem://broken: 404 Not Found',
    );
    expect(errorOf(await load({ url: 'local-model:ee55' }))).toMatch(/its files did not come/);
    expect(h.state.model).toBe(model);
    expect(h.state.summary).toEqual(first);
    expect(h.state.models.size).toBe(1);
    expect(tensorCount()).toBe(tensors);
    expect((await predict())?.type).toBe('result');
    // Its pathways still work too.
    const q = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { image: new Float32Array(784).fill(0.5), pixels: [300] },
    });
    await h.dispatcher.idle();
    expect(h.answer(q)?.type).toBe('result');
  });

  it('refuses NaN weights, naming the layer, and keeps the previous model', async () => {
    const { h, load } = await started();
    resultOf(await load({ url: 'mem://good' }));
    const model = h.state.model;
    const tensors = tensorCount();
    // conv1 holds 3·3·1·4 + 4 = 40 floats; the 46th is in the logits kernel.
    const files = withWeight(await filesOf(buildTestModel(4)), 45, Number.NaN);
    expect(errorOf(await load({ url: 'local-model:ff66', files }))).toMatch(
      /^Layer “logits” has a NaN weight \(logits\/kernel\S*, value 5 of 7840\)/,
    );
    expect(h.state.model).toBe(model);
    expect(tensorCount()).toBe(tensors);
  });

  it('accepts a functional RGB model with a residual branch for prediction, saying why pathways are off', async () => {
    const { h, load, predict } = await started();
    const input = tfl.input({ shape: [16, 16, 3] });
    const a = tfl.layers
      .conv2d({ name: 'conv_a', filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' })
      .apply(input) as tfl.SymbolicTensor;
    const b = tfl.layers
      .conv2d({ name: 'conv_b', filters: 4, kernelSize: 3, padding: 'same' })
      .apply(a) as tfl.SymbolicTensor;
    const sum = tfl.layers.add({ name: 'residual' }).apply([a, b]) as tfl.SymbolicTensor;
    const flat = tfl.layers.flatten().apply(sum) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ name: 'logits', units: 3 }).apply(flat) as tfl.SymbolicTensor;
    const files = await filesOf(tfl.model({ inputs: input, outputs: out }));
    const summary = resultOf(await load({ url: 'local-model:res', files }));
    expect(summary).toMatchObject({ inputShape: [16, 16, 3], classCount: 3 });
    expect(summary.pathways).toEqual({
      supported: false,
      reason:
        "a functional model with branches (residual connections): the pathway engine traces a single chain of layers (layer 'residual' (Add) takes its input from 'conv_a' and 'conv_b', not from the layer before it, 'conv_b').",
      layer: { name: 'residual', className: 'Add' },
    });
    const prediction = await predict(16 * 16 * 3);
    if (prediction?.type !== 'result' || prediction.op !== 'predict')
      throw new Error('no prediction');
    expect(prediction.result.probabilities).toHaveLength(3);
    const q = h.send({
      op: 'queryPixels',
      channel: 'query',
      params: { image: new Float32Array(768), pixels: [0] },
    });
    await h.dispatcher.idle();
    expect(errorOf(h.answer(q))).toMatch(/^Pathways are unavailable for this model: a functional/);
  });

  it('keeps the engine’s reason and layer for an unsupported activation', async () => {
    const { load } = await started();
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          name: 'conv_tanh',
          inputShape: [12, 12, 1],
          filters: 2,
          kernelSize: 3,
          activation: 'tanh',
        }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    const summary = resultOf(await load({ url: 'local-model:tanh', files: await filesOf(model) }));
    expect(summary.pathways).toEqual({
      supported: false,
      reason: "Unsupported layer 'conv_tanh' (Conv2D): activation 'tanh' (only relu, linear)",
      layer: { name: 'conv_tanh', className: 'Conv2D' },
    });
  });

  it('explains a layer TensorFlow.js cannot build', async () => {
    const { load } = await started();
    const files = await filesOf(buildTestModel(5));
    const json = JSON.parse(files.modelJson);
    json.modelTopology.config.layers[1].class_name = 'TFOpLambda';
    const tensors = tensorCount();
    const answer = await load({
      url: 'local-model:op',
      files: { ...files, modelJson: JSON.stringify(json) },
    });
    expect(errorOf(answer)).toMatch(
      /^The model files could not be built into a model: the model uses the layer TFOpLambda, which TensorFlow.js cannot build/,
    );
    expect(tensorCount()).toBe(tensors);
  });

  it('accepts a functional model that is a single chain, with pathways', async () => {
    const { load } = await started();
    const input = tfl.input({ shape: [10, 10, 1] });
    const conv = tfl.layers
      .conv2d({ filters: 2, kernelSize: 3, activation: 'relu' })
      .apply(input) as tfl.SymbolicTensor;
    const flat = tfl.layers.flatten().apply(conv) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 4 }).apply(flat) as tfl.SymbolicTensor;
    const files = await filesOf(tfl.model({ inputs: input, outputs: out }));
    const summary = resultOf(await load({ url: 'local-model:chain', files }));
    expect(summary.pathways).toEqual({ supported: true });
  });
});
