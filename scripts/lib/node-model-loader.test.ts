// The command line's model loader on models written to a temp folder the way a user has them:
// any supported shape loads with its class names; damaged files, NaN weights, unsupported layers
// and out-of-range inputs are refused with a message that names the culprit.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vggLikeModel } from '../../src/pathways/testing/models';
import { initNodeBackend } from '../../training/lib/node-model';
import { disposeCliModel, loadCliModel, ModelLoadError } from './node-model-loader';
import { SHARD_NAME, writeModelDir } from './testing/model-dir';

const root = mkdtempSync(join(tmpdir(), 'node-model-loader-'));
let n = 0;
const freshDir = () => join(root, `m${n++}`);

beforeAll(async () => {
  await initNodeBackend('wasm');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const small = (classes = 12, input: [number, number, number] = [32, 32, 3]) =>
  vggLikeModel({ input, widths: [4, 4, 8, 8], dense: 16, classes, seed: 3 });

async function refusal(spec: string): Promise<string> {
  try {
    const m = await loadCliModel(spec);
    disposeCliModel(m);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLoadError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`${spec} was loaded`);
}

describe('loadCliModel', () => {
  it('loads a 32×32×3, 12-class model from model.json + one shard, with labels.txt', async () => {
    const source = small();
    const labels = Array.from({ length: 12 }, (_, i) => `kind ${String.fromCharCode(65 + i)}`);
    const file = await writeModelDir(source, freshDir(), { labels });
    const m = await loadCliModel(file);
    try {
      expect(m.input).toEqual({ height: 32, width: 32, channels: 3 });
      expect(m.classCount).toBe(12);
      expect(m.classNames).toEqual(labels);
      expect(m.classNamesSource).toBe('labels.txt');
      expect(m.shipped).toBeNull();
      // The weights are the saved ones: same logits as the model that was saved.
      const x = tf.randomUniform([1, 32, 32, 3], 0, 1, 'float32', 5);
      const want = (source.predict(x) as tf.Tensor).dataSync();
      const got = (m.model.predict(x) as tf.Tensor).dataSync();
      expect(Array.from(got)).toEqual(Array.from(want));
      x.dispose();
    } finally {
      disposeCliModel(m);
      source.dispose();
    }
  });

  it('accepts the folder, prefers the metadata names, and defaults to "class k"', async () => {
    const names = ['cat', 'dog', 'bird'];
    const dir = freshDir();
    await writeModelDir(small(3), dir, {
      userDefinedMetadata: { classNames: names },
      labels: ['x'],
    });
    const m = await loadCliModel(dir);
    expect(m.classNames).toEqual(names);
    expect(m.classNamesSource).toBe('model.json metadata');
    disposeCliModel(m);

    const plain = freshDir();
    await writeModelDir(small(4, [20, 24, 1]), plain);
    const d = await loadCliModel(plain);
    expect(d.input).toEqual({ height: 20, width: 24, channels: 1 });
    expect(d.classNames).toEqual(['class 0', 'class 1', 'class 2', 'class 3']);
    expect(d.classNamesSource).toBe('default');
    disposeCliModel(d);
  });

  it('says why a labels file with the wrong count is not used', async () => {
    const dir = freshDir();
    await writeModelDir(small(3), dir, { labels: ['a', 'b'] });
    const m = await loadCliModel(dir);
    expect(m.classNames).toEqual(['class 0', 'class 1', 'class 2']);
    expect(m.classNamesProblem).toMatch(/labels\.txt has 2 names, but the model has 3 outputs/);
    disposeCliModel(m);
  });

  it('keeps loading the shipped models by id, with their model card names', async () => {
    const m = await loadCliModel('fashion');
    expect(m.shipped).toBe('fashion');
    expect(m.classNamesSource).toBe('model card');
    expect(m.classNames[0]).toMatch(/T-shirt/i);
    disposeCliModel(m);
  });

  it('refuses missing paths and folders without a model', async () => {
    expect(await refusal(join(root, 'nowhere', 'model.json'))).toMatch(/no such file or folder/);
    expect(await refusal(root)).toMatch(/holds no model\.json/);
  });

  it('refuses damaged files, naming what is wrong', async () => {
    const dir = freshDir();
    const file = await writeModelDir(small(), dir);
    const json = readFileSync(file, 'utf8');
    writeFileSync(file, '<!doctype html><html></html>');
    expect(await refusal(file)).toMatch(/HTML page/);
    writeFileSync(file, '{"modelTopology": ');
    expect(await refusal(file)).toMatch(/not valid JSON/);
    writeFileSync(file, '');
    expect(await refusal(file)).toMatch(/empty/);
    writeFileSync(file, JSON.stringify({ format: 'graph-model', modelTopology: { node: [] } }));
    expect(await refusal(file)).toMatch(/graph model/);
    writeFileSync(file, json);
    truncateSync(join(dir, SHARD_NAME), 100);
    expect(await refusal(file)).toMatch(/Truncated or wrong shard: group1-shard1of1\.bin/);
    rmSync(join(dir, SHARD_NAME));
    expect(await refusal(file)).toMatch(
      /model\.json lists the weight file group1-shard1of1\.bin, but it is not in/,
    );
  });

  it('refuses NaN weights, naming the layer', async () => {
    const model = small();
    const layer = model.getLayer('conv2_1');
    const [kernel, bias] = layer.getWeights();
    const values = kernel!.dataSync().slice();
    values[5] = NaN;
    layer.setWeights([tf.tensor(values, kernel!.shape), bias!]);
    const file = await writeModelDir(model, freshDir());
    expect(await refusal(file)).toMatch(/Layer “conv2_1” has a NaN weight/);
  });

  it('refuses a layer the engine cannot trace, naming it', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          name: 'wavy',
          inputShape: [16, 16, 1],
          filters: 2,
          kernelSize: 3,
          activation: 'tanh',
        }),
        tfl.layers.flatten(),
        tfl.layers.dense({ name: 'logits', units: 3 }),
      ],
    });
    const file = await writeModelDir(model, freshDir());
    expect(await refusal(file)).toMatch(/cannot be traced: .*'wavy'/);
  });

  it('refuses inputs outside 8–256 pixels × 1 or 3 channels, saying what it found', async () => {
    const tiny = await writeModelDir(small(3, [4, 4, 1]), freshDir());
    expect(await refusal(tiny)).toMatch(/4 × 4 pixels.*from 8 to 256/);
    const four = await writeModelDir(small(3, [16, 16, 4]), freshDir());
    expect(await refusal(four)).toMatch(/4 channels, but 1 \(grey\) or 3 \(RGB\)/);
  });
});
