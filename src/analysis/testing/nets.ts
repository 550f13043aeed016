// Test fixtures for the analyses: networks whose answers are known by construction.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { vggLikeModel } from '../../pathways/testing/models';
import type { ImageSet } from '../images';

/**
 * 4×4×1 input → conv 1×1 (3 maps, ReLU) → max-pool 2×2 → flatten → logits 2.
 * Map 0 = x, map 1 = 0.5·x, map 2 = 0. The logits read only map 0: class 0 from the top-left
 * pooled cell, class 1 from the bottom-right one (and a bias favouring class 0 when both are 0).
 * So map 0 carries all the signal: zeroing it sends every class-1 image to class 0; zeroing maps 1
 * or 2 changes nothing.
 */
export function signalNet(): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        name: 'conv1',
        inputShape: [4, 4, 1],
        filters: 3,
        kernelSize: 1,
        activation: 'relu',
      }),
      tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ name: 'logits', units: 2 }),
    ],
  });
  // flatten index = (r * 2 + c) * 3 + ch; top-left cell (0,0) ch0 = 0, bottom-right (1,1) ch0 = 9.
  const w = new Float32Array(12 * 2);
  w[0 * 2 + 0] = 4;
  w[9 * 2 + 1] = 4;
  tf.tidy(() =>
    model.setWeights([
      tf.tensor4d([1, 0.5, 0], [1, 1, 1, 3]),
      tf.tensor1d([0, 0, 0]),
      tf.tensor2d(w, [12, 2]),
      tf.tensor1d([0.1, 0]),
    ]),
  );
  return model;
}

/** Images for signalNet: even i = class 0 (bright top-left pixel), odd i = class 1 (bottom-right). */
export function signalImages(count: number): ImageSet {
  const images = new Float32Array(count * 16);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const cls = i % 2;
    const value = 0.5 + (0.5 * ((i * 7) % 5)) / 4;
    const row = cls === 0 ? i % 2 : 2 + ((i >> 1) % 2);
    const col = cls === 0 ? (i >> 1) % 2 : 2 + (i % 2);
    images[i * 16 + row * 4 + col] = value;
    labels[i] = cls;
  }
  return { input: { height: 4, width: 4, channels: 1 }, images, labels, count };
}

/**
 * A VGG-like net (conv, conv, pool, conv, conv, pool, flatten, dense, logits) with seeded kernels and
 * ZERO biases: the background then stays exactly 0 in every layer, like the zero padding, so the
 * conv/pool part is exactly translation-equivariant for shifts by the total pool stride (4).
 */
export function zeroBiasVgg(size = 28, seed = 3): tfl.LayersModel {
  return vggLikeModel({
    input: [size, size, 1],
    widths: [4, 4, 6, 6],
    dense: 8,
    classes: 3,
    seed,
    biases: false,
  });
}

/** A seeded blob of non-zero pixels inside [top, top+side) × [left, left+side) of a size×size image. */
export function blob(
  size: number,
  top: number,
  left: number,
  side: number,
  seed = 5,
): Float32Array {
  let state = seed >>> 0;
  const rand = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out = new Float32Array(size * size);
  for (let r = top; r < top + side; r++) {
    for (let c = left; c < left + side; c++) {
      const v = rand();
      out[r * size + c] = v < 0.3 ? 0 : v;
    }
  }
  return out;
}
