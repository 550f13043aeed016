/**
 * `npm run train -- --dataset mnist|fashion [--epochs N] [--seed S] [--batch-size B]
 *                    [--limit N] [--out DIR]`
 * Trains the VGG-style model on the wasm backend, evaluates it on the full test set, and writes
 * model.json + weights + model-card.json to public/models/<id>/ (or --out), then refreshes
 * docs/models.md from all shipped cards.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_IDS, isDatasetId, loadDataset } from './data/index';
import { buildModel } from './model';
import { TRAIN_CONFIGS } from './train-config';
import { trainModel } from './train-loop';
import { describeLayers } from './lib/describe-model';
import { evaluateAccuracy } from './lib/evaluate';
import { MODEL_CARD_FILE, type ModelCard } from './lib/model-card';
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
      epochs: { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const dataset = values.dataset ?? '';
  if (!isDatasetId(dataset)) throw new Error(`--dataset must be one of ${DATASET_IDS.join(', ')}.`);
  const defaults = TRAIN_CONFIGS[dataset];
  return {
    dataset,
    epochs: positiveInt(values.epochs, '--epochs', defaults.epochs),
    seed: positiveInt(values.seed, '--seed', defaults.seed),
    batchSize: positiveInt(values['batch-size'], '--batch-size', defaults.batchSize),
    limit: values.limit === undefined ? undefined : positiveInt(values.limit, '--limit', 0),
    outDir: values.out ?? modelDir(dataset),
  };
}

function reproduceCommand(args: ReturnType<typeof parseCli>): string {
  const flags = [`--dataset ${args.dataset}`, `--epochs ${args.epochs}`, `--seed ${args.seed}`];
  if (args.batchSize !== TRAIN_CONFIGS[args.dataset].batchSize)
    flags.push(`--batch-size ${args.batchSize}`);
  if (args.limit !== undefined) flags.push(`--limit ${args.limit}`);
  return `npm run train -- ${flags.join(' ')}`;
}

async function main(): Promise<void> {
  const args = parseCli();
  const config = TRAIN_CONFIGS[args.dataset];
  const backend = await initNodeBackend('wasm');
  const simd = backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false;
  console.log(
    `Backend: ${backend}${backend === 'wasm' ? ` (SIMD ${simd ? 'on' : 'OFF: slow'})` : ''}`,
  );

  const train = loadDataset(args.dataset, 'train');
  const test = loadDataset(args.dataset, 'test');
  console.log(`Data: ${train.count} train, ${test.count} test images (${args.dataset}).`);

  const model = buildModel(config.widths, args.seed);
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
    tag: args.dataset,
  });
  console.log(`Training took ${result.seconds.toFixed(1)} s.`);

  const evalStart = performance.now();
  const accuracy = evaluateAccuracy(model, test);
  console.log(
    `Test accuracy: ${(100 * accuracy.accuracy).toFixed(2)} % (${accuracy.correct}/${accuracy.total})` +
      ` in ${((performance.now() - evalStart) / 1000).toFixed(1)} s.`,
  );

  const sizeBytes = await saveModelToDir(model, args.outDir);
  const card: ModelCard = {
    id: args.dataset,
    dataset: args.dataset,
    title: config.title,
    classNames: train.classNames,
    input: { height: 28, width: 28, channels: 1, normalization: 'pixel/255' },
    output: { layer: 'logits', activation: 'linear', classes: 10 },
    architecture: describeLayers(model),
    parameterCount: model.countParams(),
    testAccuracy: accuracy.accuracy,
    testSetSize: accuracy.total,
    testSplit: config.testSplit,
    trainingTimeSeconds: Math.round(result.seconds * 10) / 10,
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
  if (args.outDir === modelDir(args.dataset)) {
    console.log(`Wrote ${await writeModelsDoc()}.`);
  }
  model.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
