// Test fixtures: seeded random models of the shipped architecture and small variants.
import * as tfl from '@tensorflow/tfjs-layers';

export interface VggOptions {
  input?: [number, number, number];
  widths?: [number, number, number, number];
  dense?: number;
  classes?: number;
  seed?: number;
  /**
   * false: no conv or dense1 biases and a zero logits bias, so that a zero background stays 0 in
   * every layer (exact translation equivariance). Default true: seeded random biases.
   */
  biases?: boolean;
}

/** conv1_1, conv1_2, pool1, conv2_1, conv2_2, pool2, flatten, dense1, logits — seeded weights. */
export function vggLikeModel(options: VggOptions = {}): tfl.LayersModel {
  const [h, w, c] = options.input ?? [28, 28, 1];
  const [a, b, d, e] = options.widths ?? [8, 8, 16, 16];
  let seed = options.seed ?? 1;
  const biases = options.biases ?? true;
  const init = () => tfl.initializers.glorotUniform({ seed: seed++ });
  // Kernel then bias initialiser, in this order (the seeds follow it).
  const params = (hidden: boolean) => {
    const kernelInitializer = init();
    if (biases) {
      const biasInitializer = tfl.initializers.randomUniform({
        minval: -0.1,
        maxval: 0.1,
        seed: seed++,
      });
      return { kernelInitializer, biasInitializer };
    }
    return { kernelInitializer, useBias: !hidden };
  };
  const conv = (name: string, filters: number, inputShape?: number[]) =>
    tfl.layers.conv2d({
      name,
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      ...params(true),
      ...(inputShape ? { inputShape } : {}),
    });
  const model = tfl.sequential({
    layers: [
      conv('conv1_1', a, [h, w, c]),
      conv('conv1_2', b),
      tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
      conv('conv2_1', d),
      conv('conv2_2', e),
      tfl.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({
        name: 'dense1',
        units: options.dense ?? 64,
        activation: 'relu',
        ...params(true),
      }),
      tfl.layers.dense({ name: 'logits', units: options.classes ?? 10, ...params(false) }),
    ],
  });
  return model;
}

/** A deterministic pseudo-random image in [0,1] with a blank border (like a digit). */
export function blobImage(h: number, w: number, c: number, seed = 7, margin = 4): Float32Array {
  let s = seed >>> 0;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = new Float32Array(h * w * c);
  for (let r = margin; r < h - margin; r++) {
    for (let col = margin; col < w - margin; col++) {
      for (let ch = 0; ch < c; ch++) {
        const v = rand();
        out[(r * w + col) * c + ch] = v < 0.4 ? 0 : v;
      }
    }
  }
  return out;
}
