/**
 * Conversion from the compact byte datasets to model tensors. The model input contract, shared
 * with the app: float32 NHWC [N, 28, 28, 1], value = pixel / 255 in [0, 1].
 */
import * as tf from '@tensorflow/tfjs';
import { CLASS_COUNT, IMAGE_HEIGHT, IMAGE_WIDTH, PIXELS_PER_IMAGE } from '../data/types';

/**
 * Images `indices` of a count×784 byte array as a [N,28,28,1] tensor. `mirrored[k]` flips
 * image k left-right (training-time augmentation); omitted means no flips.
 */
export function imagesToTensor(
  images: Uint8Array,
  indices: ArrayLike<number>,
  mirrored?: ArrayLike<boolean>,
): tf.Tensor4D {
  const values = new Float32Array(indices.length * PIXELS_PER_IMAGE);
  for (let k = 0; k < indices.length; k++) {
    const source = indices[k]! * PIXELS_PER_IMAGE;
    const target = k * PIXELS_PER_IMAGE;
    const flip = mirrored?.[k] === true;
    for (let row = 0; row < IMAGE_HEIGHT; row++) {
      for (let col = 0; col < IMAGE_WIDTH; col++) {
        const sourceCol = flip ? IMAGE_WIDTH - 1 - col : col;
        values[target + row * IMAGE_WIDTH + col] =
          images[source + row * IMAGE_WIDTH + sourceCol]! / 255;
      }
    }
  }
  return tf.tensor4d(values, [indices.length, IMAGE_HEIGHT, IMAGE_WIDTH, 1]);
}

export function labelsToOneHot(labels: Uint8Array, indices: ArrayLike<number>): tf.Tensor2D {
  const values = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) values[k] = labels[indices[k]!]!;
  return tf.tidy(
    () => tf.oneHot(tf.tensor1d(values, 'int32'), CLASS_COUNT).toFloat() as tf.Tensor2D,
  );
}

/** [start, start+1, ..., end-1] as a typed array, for contiguous batches. */
export function range(start: number, end: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
