/**
 * The training loop: seeded shuffling, Adam with a per-step learning rate, softmax cross-entropy
 * on the model's linear logits, and progress lines on stdout. A hand-written loop (not
 * model.fit) so that shuffling uses our own PRNG and the learning rate changes every step.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from './data/types';
import { cosineDecay } from './lib/lr-schedule';
import { deriveSeed, mulberry32, shuffleInPlace } from './lib/prng';
import { imagesToTensor, inputPadding, labelsToOneHot, range } from './lib/tensors';

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  seed: number;
  learningRate: number;
  finalLearningRate: number;
  /** 'hflip': mirror each training image left-right with probability 1/2 (own seeded stream). */
  augmentation: Augmentation;
  /** Train on only the first `limit` images of each shuffled epoch (quick timing runs). */
  limit?: number;
  /** Print a progress line every this many batches. */
  logEvery: number;
  tag: string;
}

export type Augmentation = 'none' | 'hflip';

export interface TrainResult {
  seconds: number;
  /** Wall time of each epoch. */
  epochSeconds: number[];
  finalEpochLoss: number;
  finalEpochAccuracy: number;
}

/** Adam keeps its learning rate in a field that applyGradients reads on every step. */
type AdamWithMutableRate = tf.AdamOptimizer & { learningRate: number };

export function trainModel(
  model: tf.LayersModel,
  data: Dataset,
  options: TrainOptions,
): TrainResult {
  const imagesPerEpoch = Math.min(options.limit ?? data.count, data.count);
  const batchesPerEpoch = Math.ceil(imagesPerEpoch / options.batchSize);
  const learningRateAt = cosineDecay(
    options.learningRate,
    options.finalLearningRate,
    options.epochs * batchesPerEpoch,
  );
  const optimizer = tf.train.adam(options.learningRate) as AdamWithMutableRate;
  // The zero padding the model's input needs (0 for 28×28 models, 2 for the 32×32 VGG-16 ones).
  const pad = inputPadding(model);
  const epochSeconds: number[] = [];
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let epochLoss = 0;
  let epochCorrect = 0;
  let epochSeen = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // Separate streams, so that switching augmentation on does not change the shuffles.
    const flipRandom = mulberry32(deriveSeed(options.seed, 2000 + epoch));
    const order = shuffleInPlace(
      range(0, data.count),
      mulberry32(deriveSeed(options.seed, 1000 + epoch)),
    );
    const epochStarted = elapsed();
    epochLoss = 0;
    epochCorrect = 0;
    epochSeen = 0;
    for (let batch = 0; batch < batchesPerEpoch; batch++) {
      const step = epoch * batchesPerEpoch + batch;
      optimizer.learningRate = learningRateAt(step);
      const indices = order.subarray(
        batch * options.batchSize,
        Math.min((batch + 1) * options.batchSize, imagesPerEpoch),
      );
      const mirrored =
        options.augmentation === 'hflip'
          ? Array.from(indices, () => flipRandom() < 0.5)
          : undefined;
      const [loss, correct] = trainStep(model, optimizer, data, indices, mirrored, pad);
      epochLoss += loss * indices.length;
      epochCorrect += correct;
      epochSeen += indices.length;
      const last = batch === batchesPerEpoch - 1;
      if ((batch + 1) % options.logEvery === 0 || last) {
        console.log(
          `[${options.tag}] epoch ${epoch + 1}/${options.epochs} batch ${batch + 1}/${batchesPerEpoch}` +
            ` loss ${(epochLoss / epochSeen).toFixed(4)} train-acc ${((100 * epochCorrect) / epochSeen).toFixed(2)}%` +
            ` lr ${optimizer.learningRate.toExponential(2)} elapsed ${elapsed().toFixed(1)}s` +
            (last ? ` tensors ${tf.memory().numTensors}` : ''),
        );
      }
    }
    epochSeconds.push(elapsed() - epochStarted);
  }
  optimizer.dispose();
  return {
    seconds: elapsed(),
    epochSeconds,
    finalEpochLoss: epochLoss / Math.max(1, epochSeen),
    finalEpochAccuracy: epochCorrect / Math.max(1, epochSeen),
  };
}

/** One Adam step; returns the batch's mean loss and its number of correct predictions. */
function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  data: Dataset,
  indices: Int32Array,
  mirrored: boolean[] | undefined,
  pad: number,
): [number, number] {
  // minimize() disposes every tensor of its closure but the loss, so the count is kept here.
  const kept: { correct?: tf.Scalar } = {};
  const loss = tf.tidy((): tf.Scalar => {
    const x = imagesToTensor(data.images, indices, mirrored, pad);
    const y = labelsToOneHot(data.labels, indices);
    const batchLoss = optimizer.minimize(() => {
      const logits = model.apply(x, { training: true }) as tf.Tensor2D;
      kept.correct = tf.keep(tf.sum(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1))) as tf.Scalar);
      return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
    }, true);
    if (!batchLoss) throw new Error('Optimizer step returned no loss.');
    return batchLoss;
  });
  const correct = kept.correct;
  if (!correct) throw new Error('Training step did not count correct predictions.');
  const result: [number, number] = [loss.dataSync()[0]!, correct.dataSync()[0]!];
  tf.dispose([loss, correct]);
  return result;
}
