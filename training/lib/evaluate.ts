/** Classification accuracy of a model on (a subset of) a byte dataset, in batches. */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/types';
import { imagesToTensor, inputPadding, range } from './tensors';

export interface Accuracy {
  correct: number;
  total: number;
  /** correct / total, in [0, 1]. */
  accuracy: number;
}

/** Batch of 500 keeps peak memory small (~25 MB of activations) at full kernel efficiency. */
const EVAL_BATCH = 500;

export function evaluateAccuracy(
  model: tf.LayersModel,
  data: Dataset,
  indices: ArrayLike<number> = range(0, data.count),
): Accuracy {
  const pad = inputPadding(model);
  let correct = 0;
  for (let start = 0; start < indices.length; start += EVAL_BATCH) {
    const batch = Array.from(
      { length: Math.min(EVAL_BATCH, indices.length - start) },
      (_, k) => indices[start + k]!,
    );
    const predicted = tf.tidy(() => {
      const logits = model.predict(
        imagesToTensor(data.images, batch, undefined, pad),
      ) as tf.Tensor2D;
      return tf.argMax(logits, 1).dataSync();
    });
    batch.forEach((index, k) => {
      if (predicted[k] === data.labels[index]) correct++;
    });
  }
  return { correct, total: indices.length, accuracy: correct / indices.length };
}
