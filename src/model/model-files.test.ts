import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { vggLikeModel } from '../pathways/testing/models';
import {
  MAX_MODEL_BYTES,
  ModelFileError,
  artifactsFromFiles,
  manifestByteLength,
  parseModelJson,
} from './model-files';
import { saveModelFiles } from './model-files.test-util';

// Quiets tfjs's "install tfjs-node" banner in test output.
tf.env().set('IS_TEST', true);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NO_SHARDS = new Map<string, ArrayBuffer>();

/** A minimal Layers model.json around the given manifest (topology of one Dense layer). */
function layersJson(weightsManifest: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    modelTopology: { class_name: 'Sequential', config: { name: 'm', layers: [] } },
    format: 'layers-model',
    weightsManifest,
    ...extra,
  });
}

const oneShard = [
  {
    paths: ['group1-shard1of1.bin'],
    weights: [
      { name: 'd/kernel', shape: [4, 3], dtype: 'float32' },
      { name: 'd/bias', shape: [3], dtype: 'float32' },
    ],
  },
];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('expected a ModelFileError');
}

describe('parseModelJson', () => {
  it('refuses an empty file', () => {
    expect(refusal(() => parseModelJson('  \n'))).toBe(
      'model.json is empty: the file holds no text.',
    );
  });

  it('recognises an HTML page served in place of model.json', () => {
    expect(refusal(() => parseModelJson('<!DOCTYPE html><html><body>404</body></html>'))).toMatch(
      /^model.json is an HTML page, not a model/,
    );
  });

  it('refuses invalid JSON, quoting the parser', () => {
    expect(refusal(() => parseModelJson('{"modelTopology": '))).toMatch(
      /^model.json is not valid JSON \(.+\)\.$/,
    );
  });

  it('tells a graph model apart and says how to convert it', () => {
    const graph = JSON.stringify({
      format: 'graph-model',
      modelTopology: { node: [], library: {}, versions: {} },
      weightsManifest: [],
    });
    const message = refusal(() => parseModelJson(graph));
    expect(message).toMatch(/graph model/);
    expect(message).toContain('tensorflowjs_converter --output_format=tfjs_layers_model');
  });

  it('refuses JSON that is no Keras model at all', () => {
    expect(refusal(() => parseModelJson('[1, 2]'))).toMatch(/holds an array/);
    expect(refusal(() => parseModelJson('{"name": "package"}'))).toMatch(
      /not a TensorFlow.js Layers model/,
    );
  });

  it('refuses a topology without weights and a damaged manifest', () => {
    expect(refusal(() => parseModelJson(layersJson(undefined)))).toMatch(/no weightsManifest/);
    expect(
      refusal(() =>
        parseModelJson(
          layersJson([{ paths: ['a.bin'], weights: [{ name: 'w', dtype: 'float32' }] }]),
        ),
      ),
    ).toMatch(/weight “w” has no valid shape/);
    expect(
      refusal(() =>
        parseModelJson(
          layersJson([{ paths: ['a.bin'], weights: [{ name: 's', shape: [1], dtype: 'string' }] }]),
        ),
      ),
    ).toMatch(/weight “s” has dtype string/);
  });

  it('accepts the nested model_config topology of the Python converter', () => {
    const json = JSON.stringify({
      modelTopology: {
        keras_version: '2.15',
        model_config: { class_name: 'Sequential', config: {} },
      },
      weightsManifest: oneShard,
    });
    expect(parseModelJson(json).weightsManifest).toHaveLength(1);
  });

  it('refuses a model over the size limit from its manifest alone', () => {
    const huge = [
      {
        paths: ['a.bin'],
        weights: [{ name: 'w', shape: [MAX_MODEL_BYTES / 4 + 1], dtype: 'float32' }],
      },
    ];
    expect(refusal(() => parseModelJson(layersJson(huge)))).toBe(
      "The model's weights take 256.0 MB, more than the 256.0 MB this app loads: it is built for small image classifiers.",
    );
    // Exactly at the limit is fine.
    const atLimit = [
      {
        paths: ['a.bin'],
        weights: [{ name: 'w', shape: [MAX_MODEL_BYTES / 4], dtype: 'float32' }],
      },
    ];
    expect(() => parseModelJson(layersJson(atLimit))).not.toThrow();
  });
});

describe('manifestByteLength', () => {
  it('counts bytes from shapes, dtypes and quantization', () => {
    expect(manifestByteLength({ weightsManifest: oneShard as tf.io.WeightsManifestConfig })).toBe(
      60,
    );
    const mixed: tf.io.WeightsManifestConfig = [
      {
        paths: ['a'],
        weights: [
          {
            name: 'q8',
            shape: [10],
            dtype: 'float32',
            quantization: { dtype: 'uint8', scale: 1, min: 0 },
          },
          { name: 'q16', shape: [2, 5], dtype: 'float32', quantization: { dtype: 'float16' } },
          { name: 'scalar', shape: [], dtype: 'int32' },
          { name: 'flags', shape: [3], dtype: 'bool' },
        ],
      },
      { paths: ['b'], weights: [{ name: 'empty', shape: [0, 4], dtype: 'float32' }] },
    ];
    expect(manifestByteLength({ weightsManifest: mixed })).toBe(10 + 20 + 4 + 3);
  });
});

describe('artifactsFromFiles', () => {
  it('names every missing shard', () => {
    const twoGroups = [
      ...oneShard,
      {
        paths: ['group2-shard1of1.bin'],
        weights: [{ name: 'e/bias', shape: [2], dtype: 'float32' }],
      },
    ];
    const shards = new Map([['labels.txt', new ArrayBuffer(3)]]);
    expect(refusal(() => artifactsFromFiles(layersJson(twoGroups), shards))).toBe(
      "The model's weight files are missing: group1-shard1of1.bin, group2-shard1of1.bin. " +
        'Choose model.json together with every file its weightsManifest lists (files given: labels.txt).',
    );
  });

  it('names a truncated or wrong shard with its size and the size it needs', () => {
    const shards = new Map([['group1-shard1of1.bin', new ArrayBuffer(56)]]);
    expect(refusal(() => artifactsFromFiles(layersJson(oneShard), shards))).toBe(
      'Truncated or wrong shard: group1-shard1of1.bin (56 bytes), ' +
        'but the weights model.json lists for it need 60 bytes.',
    );
  });

  it('matches manifest paths with directories on base names and ignores extra files', () => {
    const manifest = [{ ...oneShard[0]!, paths: ['./weights/group1-shard1of1.bin'] }];
    const shard = new Float32Array(15).map((_, i) => i).buffer;
    const shards = new Map([
      ['my-model/group1-shard1of1.bin', shard],
      ['README.md', new ArrayBuffer(9)],
    ]);
    const artifacts = artifactsFromFiles(layersJson(manifest), shards);
    expect(new Float32Array(artifacts.weightData as ArrayBuffer)).toEqual(new Float32Array(shard));
    expect(artifacts.weightSpecs?.map((s) => s.name)).toEqual(['d/kernel', 'd/bias']);
  });

  it('round-trips a saved model split over shards, in manifest order, with its metadata', async () => {
    const model = vggLikeModel({ input: [16, 16, 3], widths: [4, 4, 8, 8], dense: 16, classes: 5 });
    const files = await saveModelFiles(model, {
      shardCount: 3,
      pathPrefix: 'weights/',
      userDefinedMetadata: { classNames: ['a', 'b', 'c', 'd', 'e'] },
    });
    // Given out of order: the manifest, not the map, decides the layout.
    const shuffled = new Map([...files.shards].reverse());
    const artifacts = artifactsFromFiles(files.modelJson, shuffled);
    expect(artifacts.userDefinedMetadata).toEqual({ classNames: ['a', 'b', 'c', 'd', 'e'] });

    const loaded = await tfl.loadLayersModel(tf.io.fromMemory(artifacts));
    const input = tf.randomUniform([2, 16, 16, 3], 0, 1, 'float32', 3);
    const expected = model.predict(input) as tf.Tensor;
    const actual = loaded.predict(input) as tf.Tensor;
    expect(Array.from(await actual.data())).toEqual(Array.from(await expected.data()));
    tf.dispose([input, expected, actual]);
    model.dispose();
    loaded.dispose();
  });

  it('refuses a shard from another model of a different size', async () => {
    const small = await saveModelFiles(vggLikeModel({ widths: [2, 2, 2, 2], dense: 4 }));
    const other = await saveModelFiles(vggLikeModel({ widths: [2, 2, 2, 3], dense: 4 }));
    expect(refusal(() => artifactsFromFiles(small.modelJson, other.shards))).toMatch(
      /^Truncated or wrong shard: group1-shard1of1.bin \(\d+ bytes\), but the weights model.json lists for it need \d+ bytes/,
    );
  });

  it('refuses an empty model.json before looking at shards', () => {
    expect(refusal(() => artifactsFromFiles('', NO_SHARDS))).toMatch(/empty/);
  });
});
