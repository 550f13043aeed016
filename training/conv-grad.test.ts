/**
 * The fast Conv2D gradient must equal the stock one. Reference: tfjs' own gradient on the cpu
 * backend (the only backend here with a Conv2DBackpropFilter kernel). Tolerance: max absolute
 * difference <= 1e-4 × max(1, max |reference|); both are float32 sums of up to a few thousand
 * products that differ only in summation order, so expected errors are ~1e-6 relative.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2dFilterGradViaForwardConv, registerFastConv2dGradient } from './conv-grad';
import { mulberry32 } from './lib/prng';

interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number] | number;
  pad: 'same' | 'valid';
}

const CASES: Case[] = [
  {
    name: "'same', stride 1",
    xShape: [4, 9, 9, 3],
    filterShape: [3, 3, 3, 5],
    strides: 1,
    pad: 'same',
  },
  {
    name: "'valid', stride 1",
    xShape: [3, 8, 7, 2],
    filterShape: [3, 3, 2, 4],
    strides: 1,
    pad: 'valid',
  },
  {
    name: "'same', stride 1, 2x2 kernel (asymmetric pad)",
    xShape: [2, 7, 6, 2],
    filterShape: [2, 2, 2, 3],
    strides: 1,
    pad: 'same',
  },
  {
    name: "'same', stride 1, 5x5 kernel",
    xShape: [2, 8, 8, 3],
    filterShape: [5, 5, 3, 2],
    strides: 1,
    pad: 'same',
  },
  {
    name: "'same', stride 2",
    xShape: [2, 9, 8, 3],
    filterShape: [3, 3, 3, 2],
    strides: 2,
    pad: 'same',
  },
  {
    name: "'valid', stride 2 (cropped edge)",
    xShape: [2, 10, 9, 2],
    filterShape: [3, 3, 2, 3],
    strides: 2,
    pad: 'valid',
  },
  {
    name: "'valid', strides [2,3], 2x4 kernel",
    xShape: [3, 11, 13, 2],
    filterShape: [2, 4, 2, 3],
    strides: [2, 3],
    pad: 'valid',
  },
];

const TOLERANCE = 1e-4;

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const random = mulberry32(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => random() * 2 - 1),
    shape,
  );
}

/** Gradients of Σ conv2d(x, w) ⊙ r with respect to x and w, through the registered gradient. */
function convGrads(c: Case, seed: number): { dx: Float32Array; dw: Float32Array } {
  return tf.tidy(() => {
    const x = randomTensor(c.xShape, seed) as tf.Tensor4D;
    const w = randomTensor(c.filterShape, seed + 1) as tf.Tensor4D;
    const outShape = tf.conv2d(x, w, c.strides, c.pad).shape;
    const r = randomTensor(outShape, seed + 2);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r)),
    )([x, w]);
    return { dx: dx!.dataSync() as Float32Array, dw: dw!.dataSync() as Float32Array };
  });
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let maxRef = 0;
  let maxDiff = 0;
  for (let i = 0; i < expected.length; i++) {
    maxRef = Math.max(maxRef, Math.abs(expected[i]!));
    maxDiff = Math.max(maxDiff, Math.abs(actual[i]! - expected[i]!));
  }
  expect(maxDiff).toBeLessThanOrEqual(TOLERANCE * Math.max(1, maxRef));
}

describe('fast Conv2D gradient', () => {
  const stock = new Map<string, { dx: Float32Array; dw: Float32Array }>();
  let restore: (() => void) | undefined;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    CASES.forEach((c, i) => stock.set(c.name, convGrads(c, 100 * i)));
    restore = registerFastConv2dGradient();
  });

  afterAll(async () => {
    restore?.();
    await tf.setBackend('cpu');
  });

  for (const [i, c] of CASES.entries()) {
    it(`matches the stock gradient on cpu: ${c.name}`, async () => {
      await tf.setBackend('cpu');
      const fast = convGrads(c, 100 * i);
      const reference = stock.get(c.name)!;
      expectClose(fast.dw, reference.dw);
      expectClose(fast.dx, reference.dx);
    });

    it(`matches the stock cpu gradient on wasm: ${c.name}`, async () => {
      await tf.setBackend('wasm');
      const fast = convGrads(c, 100 * i);
      const reference = stock.get(c.name)!;
      expectClose(fast.dw, reference.dw);
      expectClose(fast.dx, reference.dx);
    });
  }

  it('direct call equals the stock filter gradient for a batch-16 MNIST-sized layer', async () => {
    await tf.setBackend('cpu');
    const x = randomTensor([16, 28, 28, 8], 7) as tf.Tensor4D;
    const dy = randomTensor([16, 28, 28, 8], 8) as tf.Tensor4D;
    const fast = conv2dFilterGradViaForwardConv(x, dy, [3, 3, 8, 8], 1, 'same');
    // Stock: the cpu kernel, reached through the public op's gradient with the fast one off.
    restore?.();
    const reference = tf.grad((w: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x, w as tf.Tensor4D, 1, 'same'), dy)),
    )(tf.zeros([3, 3, 8, 8]));
    restore = registerFastConv2dGradient();
    expectClose(fast.dataSync() as Float32Array, reference.dataSync() as Float32Array);
    tf.dispose([x, dy, fast, reference]);
  });
});
