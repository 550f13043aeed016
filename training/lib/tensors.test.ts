import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initNodeBackend } from './node-model';
import { imagesToTensor, labelsToOneHot } from './tensors';

describe('tensor conversion', () => {
  beforeAll(async () => {
    await initNodeBackend('wasm');
  });

  // Two images: image 0 is a left-to-right ramp (pixel = column), image 1 is all 255.
  const images = new Uint8Array(2 * 784);
  for (let p = 0; p < 784; p++) {
    images[p] = p % 28;
    images[784 + p] = 255;
  }

  it('gives NHWC [N,28,28,1] float32 values pixel/255 in the requested order', () => {
    const x = imagesToTensor(images, [1, 0]);
    expect(x.shape).toEqual([2, 28, 28, 1]);
    expect(x.dtype).toBe('float32');
    const values = x.dataSync();
    expect(values[0]).toBe(1);
    expect(values[784 + 27]).toBeCloseTo(27 / 255, 7);
    x.dispose();
  });

  it('mirrors only the flagged images left-right', () => {
    const x = imagesToTensor(images, [0, 0], [false, true]);
    const values = x.dataSync();
    expect(values[5 * 28 + 3]).toBeCloseTo(3 / 255, 7);
    expect(values[784 + 5 * 28 + 3]).toBeCloseTo(24 / 255, 7);
    x.dispose();
  });

  it('one-hot encodes labels', () => {
    const y = labelsToOneHot(Uint8Array.from([3, 9]), [1, 0]);
    expect(y.shape).toEqual([2, 10]);
    expect(Array.from(tf.argMax(y, 1).dataSync())).toEqual([9, 3]);
    expect(tf.sum(y).dataSync()[0]).toBe(2);
  });
});
