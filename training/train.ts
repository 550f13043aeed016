/**
 * `npm run train -- --dataset mnist|fashion [--arch small|vgg16] [--epochs N] [--seed S]
 *                    [--batch-size B] [--limit N] [--out DIR]`
 * `npm run train -- --docs-only`: only regenerates docs/models.md from the shipped cards.
 * Trains the model (arch 'small': the 2-block VGG-style CNN, id = dataset; arch 'vgg16': the
 * VGG-16 topology with BatchNorm, folded into the convs before saving, id vgg-<dataset>) on the
 * wasm backend, evaluates it on the full test set, and writes model.json + weights +
 * model-card.json to public/models/<id>/ (or --out), then refreshes docs/models.md from all
 * shipped cards.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_IDS, isDatasetId, loadDataset } from './data/index';
import { buildModel } from './model';
import {
  buildVgg16Training,
  foldBatchNorm,
  VGG16_INPUT_PADDING,
  VGG16_INPUT_SIZE,
  VGG16_PADDING_LAYER,
} from './vgg16';
import { TRAIN_CONFIGS } from './train-config';
import { trainModel } from './train-loop';
import { describeLayers } from './lib/describe-model';
import { evaluateAccuracy } from './lib/evaluate';
import { MODEL_CARD_FILE, type ModelCard } from './lib/model-card';
import { ARCHS, isArch, modelIdOf } from './lib/model-ids';
import { initNodeBackend } from './lib/node-model';
import { modelDir } from './lib/paths';
import { saveModelToDir } from './lib/save-model';
import { writeModelsDoc } from './lib/write-models-doc';

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${flag} must be a non-negative integer.`);
  return parsed;
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      arch: { type: 'string', default: 'small' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      'docs-only': { type: 'boolean', default: false },
    },
  });
  if (values['docs-only']) return undefined;
  const dataset = values.dataset ?? '';
  if (!isDatasetId(dataset)) throw new Error(`--dataset must be one of ${DATASET_IDS.join(', ')}.`);
  const arch = values.arch ?? 'small';
  if (!isArch(arch)) throw new Error(`--arch must be one of ${ARCHS.join(', ')}.`);
  const id = modelIdOf(dataset, arch);
  const defaults = TRAIN_CONFIGS[id];
  return {
    dataset,
    arch,
    id,
    epochs: positiveInt(values.epochs, '--epochs', defaults.epochs),
    seed: positiveInt(values.seed, '--seed', defaults.seed),
    batchSize: positiveInt(values['batch-size'], '--batch-size', defaults.batchSize),
    limit: values.limit === undefined ? undefined : positiveInt(values.limit, '--limit', 0),
    outDir: values.out ?? modelDir(id),
  };
}

function reproduceCommand(args: NonNullable<ReturnType<typeof parseCli>>): string {
  const flags = [`--dataset ${args.dataset}`];
  if (args.arch !== 'small') flags.push(`--arch ${args.arch}`);
  flags.push(`--epochs ${args.epochs}`, `--seed ${args.seed}`);
  if (args.batchSize !== TRAIN_CONFIGS[args.id].batchSize)
    flags.push(`--batch-size ${args.batchSize}`);
  if (args.limit !== undefined) flags.push(`--limit ${args.limit}`);
  return `npm run train -- ${flags.join(' ')}`;
}

async function main(): Promise<void> {
  const args = parseCli();
  if (!args) {
    console.log(`Wrote ${await writeModelsDoc()}.`);
    return;
  }
  const config = TRAIN_CONFIGS[args.id];
  const backend = await initNodeBackend('wasm');
  const simd = backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false;
  console.log(
    `Backend: ${backend}${backend === 'wasm' ? ` (SIMD ${simd ? 'on' : 'OFF: slow'})` : ''}`,
  );

  const train = loadDataset(args.dataset, 'train');
  const test = loadDataset(args.dataset, 'test');
  console.log(`Data: ${train.count} train, ${test.count} test images (${args.dataset}).`);

  const model =
    config.arch === 'vgg16'
      ? buildVgg16Training(config.widths, args.seed)
      : buildModel(config.widths, args.seed);
  model.summary(undefined, undefined, (line) => console.log(line));
  const result = trainModel(model, train, {
    epochs: args.epochs,
    batchSize: args.batchSize,
    seed: args.seed,
    learningRate: config.learningRate,
    finalLearningRate: config.finalLearningRate,
    augmentation: config.augmentation,
    limit: args.limit,
    logEvery: 100,
    tag: args.id,
  });
  console.log(
    `Training took ${result.seconds.toFixed(1)} s (epochs: ${result.epochSeconds.map((s) => s.toFixed(0)).join(', ')} s).`,
  );

  const evalStart = performance.now();
  const accuracy = evaluateAccuracy(model, test);
  console.log(
    `Test accuracy: ${(100 * accuracy.accuracy).toFixed(2)} % (${accuracy.correct}/${accuracy.total})` +
      ` in ${((performance.now() - evalStart) / 1000).toFixed(1)} s.`,
  );

  // The VGG-16 model ships with its BatchNorm layers folded into the convs; the folded model is
  // what is saved and what the card's accuracy describes (it agrees with the BN model's).
  const shipped = config.arch === 'vgg16' ? foldBatchNorm(model, config.widths) : model;
  let shippedAccuracy = accuracy;
  if (shipped !== model) {
    shippedAccuracy = evaluateAccuracy(shipped, test);
    console.log(
      `Folded model: test accuracy ${(100 * shippedAccuracy.accuracy).toFixed(2)} %` +
        ` (${shippedAccuracy.correct}/${shippedAccuracy.total}).`,
    );
  }

  const sizeBytes = await saveModelToDir(shipped, args.outDir);
  const vgg = config.arch === 'vgg16';
  const vggWidths = config.arch === 'vgg16' ? config.widths : undefined;
  const card: ModelCard = {
    id: args.id,
    dataset: args.dataset,
    title: config.title,
    classNames: train.classNames,
    input: vgg
      ? {
          height: 28,
          width: 28,
          channels: 1,
          normalization: 'pixel/255',
          padding: VGG16_INPUT_PADDING,
        }
      : { height: 28, width: 28, channels: 1, normalization: 'pixel/255' },
    ...(vgg
      ? {
          preprocessing:
            `Feed the 28×28 image's pixels divided by 255. The model's first layer ` +
            `(ZeroPadding2D '${VGG16_PADDING_LAYER}') adds ${VGG16_INPUT_PADDING} rows/columns of ` +
            `zeros (background) on every side, so its convs see the ` +
            `${VGG16_INPUT_SIZE}×${VGG16_INPUT_SIZE}×1 input it was trained on (the image at ` +
            `rows/columns ${VGG16_INPUT_PADDING}..${VGG16_INPUT_PADDING + 27}).`,
        }
      : {}),
    output: { layer: 'logits', activation: 'linear', classes: 10 },
    arch: config.arch,
    ...(vggWidths
      ? {
          width:
            `1/8 of VGG-16: ${vggWidths.blocks.join(', ')} channels in blocks 1-5 ` +
            `(VGG-16: 64, 128, 256, 512, 512); dense layers ${vggWidths.dense.join(', ')} units ` +
            `(VGG-16: 4096, 4096)`,
          batchNorm:
            'trained with BatchNormalization between each conv (no bias) and its ReLU; each BN ' +
            'is folded into its conv before saving (kernel × γ/√(σ²+ε), bias β − μ·γ/√(σ²+ε)), ' +
            'so the saved model has only a ZeroPadding2D first layer, Conv2D(relu), MaxPooling2D, ' +
            'Flatten and Dense layers',
        }
      : {}),
    architecture: describeLayers(shipped),
    parameterCount: shipped.countParams(),
    testAccuracy: shippedAccuracy.accuracy,
    testSetSize: shippedAccuracy.total,
    testSplit: config.testSplit,
    trainingTimeSeconds: Math.round(result.seconds * 10) / 10,
    epochSeconds: result.epochSeconds.map((s) => Math.round(s * 10) / 10),
    epochs: args.epochs,
    seed: args.seed,
    batchSize: args.batchSize,
    optimizer: `Adam, cosine learning-rate decay ${config.learningRate} -> ${config.finalLearningRate}, softmax cross-entropy`,
    augmentation: config.augmentation === 'hflip' ? 'random horizontal flip (p = 0.5)' : 'none',
    trainedAt: new Date().toISOString(),
    backend,
    sizeBytes,
    command: reproduceCommand(args),
  };
  writeFileSync(join(args.outDir, MODEL_CARD_FILE), `${JSON.stringify(card, null, 2)}\n`);
  console.log(`Saved ${args.outDir} (${(sizeBytes / 1024).toFixed(1)} KiB).`);
  if (args.outDir === modelDir(args.id)) {
    console.log(`Wrote ${await writeModelsDoc()}.`);
  }
  if (shipped !== model) shipped.dispose();
  model.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
