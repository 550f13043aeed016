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

  it('zero-pads each side by `pad` pixels (32×32 for the VGG-16 models), flips included', () => {
    const x = imagesToTensor(images, [0, 1], [true, false], 2);
    expect(x.shape).toEqual([2, 32, 32, 1]);
    const values = x.dataSync();
    // Image 0, mirrored: padded row 2+5, column 2+3 holds source column 24.
    expect(values[(2 + 5) * 32 + 2 + 3]).toBeCloseTo(24 / 255, 7);
    // Image 1 (all ink): the border is zero, the 28×28 interior is 1.
    const one = Array.from(values.subarray(1024, 2048));
    expect(one.reduce((a, b) => a + b, 0)).toBeCloseTo(784, 3);
    for (const [row, col] of [
      [0, 0],
      [1, 15],
      [31, 31],
      [15, 30],
      [2, 1],
      [29, 30],
    ] as const) {
      expect(one[row * 32 + col]).toBe(0);
    }
    expect(one[2 * 32 + 2]).toBe(1);
    expect(one[29 * 32 + 29]).toBe(1);
    x.dispose();
  });

  it('one-hot encodes labels', () => {
    const y = labelsToOneHot(Uint8Array.from([3, 9]), [1, 0]);
    expect(y.shape).toEqual([2, 10]);
    expect(Array.from(tf.argMax(y, 1).dataSync())).toEqual([9, 3]);
    expect(tf.sum(y).dataSync()[0]).toBe(2);
  });
});
