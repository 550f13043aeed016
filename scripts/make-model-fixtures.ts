// Writes the small TensorFlow.js Layers models that e2e/own-model.spec.ts opens as "your own
// model" (npx tsx scripts/make-model-fixtures.ts). Valid, untrained, seeded (the same files every
// run), in the format tfjs and the converter write (model.json + one weight shard):
//   grey-20   20×20×1, 4 classes, names in model.json's userDefinedMetadata
//   rgb-32    32×32×3, 12 classes, names in labels.txt
//   wide-300  300×300×1, 2 classes: an input larger than the app shows (256 px), to be refused
// The broken variants (invalid JSON, NaN weights, a truncated shard…) are made from these by the
// spec itself, so that each test says what it breaks.
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join('e2e', 'fixtures', 'models');
const SHARD = 'group1-shard1of1.bin';

interface Fixture {
  name: string;
  input: [number, number, number];
  classes: string[];
  /** Where the class names go: model.json's metadata or a labels.txt beside it. */
  names: 'metadata' | 'labels';
  /** Channels of the two convolutions, and the pooling after each. */
  widths: [number, number];
  pool: number;
}

const FIXTURES: Fixture[] = [
  {
    name: 'grey-20',
    input: [20, 20, 1],
    classes: ['circle', 'square', 'triangle', 'cross'],
    names: 'metadata',
    widths: [4, 6],
    pool: 2,
  },
  {
    name: 'rgb-32',
    input: [32, 32, 3],
    classes: [
      'apple',
      'boat',
      'cloud',
      'daisy',
      'eagle',
      'fern',
      'guitar',
      'house',
      'island',
      'jacket',
      'kite',
      'lamp',
    ],
    names: 'labels',
    widths: [4, 8],
    pool: 2,
  },
  {
    name: 'wide-300',
    input: [300, 300, 1],
    classes: ['left', 'right'],
    names: 'metadata',
    widths: [2, 2],
    pool: 10,
  },
];

/** conv1 → pool1 → conv2 → pool2 → flatten → logits: layers the pathway engine traces. */
function build(fixture: Fixture): tf.Sequential {
  let seed = 11;
  const init = () => tf.initializers.glorotUniform({ seed: seed++ });
  const bias = () => tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seed++ });
  const conv = (name: string, filters: number, first: boolean) =>
    tf.layers.conv2d({
      name,
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init(),
      biasInitializer: bias(),
      ...(first ? { inputShape: fixture.input } : {}),
    });
  return tf.sequential({
    name: fixture.name.replace(/-/g, '_'),
    layers: [
      conv('conv1', fixture.widths[0], true),
      tf.layers.maxPooling2d({ name: 'pool1', poolSize: fixture.pool }),
      conv('conv2', fixture.widths[1], false),
      tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({
        name: 'logits',
        units: fixture.classes.length,
        kernelInitializer: init(),
        biasInitializer: bias(),
      }),
    ],
  });
}

async function save(fixture: Fixture): Promise<void> {
  const model = build(fixture);
  const dir = join(OUT, fixture.name);
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightSpecs || artifacts.weightData === undefined) {
        throw new Error(`${fixture.name}: the model saved no weights.`);
      }
      const json = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [SHARD], weights: artifacts.weightSpecs }],
        ...(fixture.names === 'metadata'
          ? { userDefinedMetadata: { classNames: fixture.classes } }
          : {}),
      };
      writeFileSync(join(dir, 'model.json'), `${JSON.stringify(json)}\n`);
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      writeFileSync(join(dir, SHARD), new Uint8Array(weights));
      if (fixture.names === 'labels') {
        writeFileSync(join(dir, 'labels.txt'), `${fixture.classes.join('\n')}\n`);
      }
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  console.log(`${dir}: ${model.countParams()} parameters`);
}

for (const fixture of FIXTURES) await save(fixture);
