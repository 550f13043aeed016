// One forward pass of one image to class probabilities.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BaseModelSummary, Prediction } from './summary-types';

/**
 * @param image H×W×C float32 in [0, 1], row-major NHWC without the batch axis (784 for MNIST).
 */
export async function predictImage(
  model: tfl.LayersModel,
  summary: BaseModelSummary,
  image: Float32Array,
): Promise<Prediction> {
  const [h, w, c] = summary.inputShape;
  if (image.length !== h * w * c) {
    throw new Error(`The image has ${image.length} values, but the model needs ${h * w * c}.`);
  }
  const endsInSoftmax = summary.outputActivation === 'softmax';
  const [out, probs] = tf.tidy(() => {
    const x = tf.tensor4d(image, [1, h, w, c]);
    const y = model.predict(x) as tf.Tensor2D;
    return [y, endsInSoftmax ? y.clone() : tf.softmax(y)] as const;
  });
  try {
    const [raw, p] = await Promise.all([out.data<'float32'>(), probs.data<'float32'>()]);
    const probabilities = Float32Array.from(p);
    return {
      logits: endsInSoftmax ? null : Float32Array.from(raw),
      probabilities,
      classIndex: argMax(probabilities),
    };
  } finally {
    out.dispose();
    probs.dispose();
  }
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) > (values[best] as number)) best = i;
  }
  return best;
}
