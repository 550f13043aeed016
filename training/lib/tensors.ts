/**
 * Conversion from the compact byte datasets to model tensors. The model input contract, shared
 * with the app: float32 NHWC [N, 28, 28, 1], value = pixel / 255 in [0, 1].
 */
import * as tf from '@tensorflow/tfjs';
import { CLASS_COUNT, IMAGE_HEIGHT, IMAGE_WIDTH, PIXELS_PER_IMAGE } from '../data/types';

/**
 * Images `indices` of a count×784 byte array as a [N,28+2p,28+2p,1] tensor. `mirrored[k]` flips
 * image k left-right (training-time augmentation); omitted means no flips. `pad` adds that many
 * rows/columns of zeros (background) on every side: the VGG-16 models take 32×32 inputs, the
 * 28×28 images zero-padded by 2 pixels on each side.
 */
export function imagesToTensor(
  images: Uint8Array,
  indices: ArrayLike<number>,
  mirrored?: ArrayLike<boolean>,
  pad = 0,
): tf.Tensor4D {
  const height = IMAGE_HEIGHT + 2 * pad;
  const width = IMAGE_WIDTH + 2 * pad;
  const pixels = height * width;
  const values = new Float32Array(indices.length * pixels);
  for (let k = 0; k < indices.length; k++) {
    const source = indices[k]! * PIXELS_PER_IMAGE;
    const target = k * pixels + pad * width + pad;
    const flip = mirrored?.[k] === true;
    for (let row = 0; row < IMAGE_HEIGHT; row++) {
      for (let col = 0; col < IMAGE_WIDTH; col++) {
        const sourceCol = flip ? IMAGE_WIDTH - 1 - col : col;
        values[target + row * width + col] = images[source + row * IMAGE_WIDTH + sourceCol]! / 255;
      }
    }
  }
  return tf.tensor4d(values, [indices.length, height, width, 1]);
}

/**
 * The zero padding a model expects on each side of a 28×28 image, from its input shape
 * ([null, 28, 28, 1] -> 0, [null, 32, 32, 1] -> 2).
 */
export function inputPadding(model: tf.LayersModel): number {
  const height = model.inputs[0]?.shape[1];
  const width = model.inputs[0]?.shape[2];
  if (
    typeof height !== 'number' ||
    height !== width ||
    height < IMAGE_HEIGHT ||
    (height - IMAGE_HEIGHT) % 2 !== 0
  ) {
    throw new Error(`Unsupported model input shape ${JSON.stringify(model.inputs[0]?.shape)}.`);
  }
  return (height - IMAGE_HEIGHT) / 2;
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
