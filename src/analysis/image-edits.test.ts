// Movement, occlusion and attacks on constructed cases: a zero-bias VGG-like net (exactly
// translation-equivariant for shifts by its total pool stride), and ε = 0 attacks.
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNetwork,
  countPathways,
  disposeNetwork,
  forwardLogits,
  nonZeroPixels,
  type Network,
} from '../pathways';
import { useWasm } from '../pathways/testing/backend';
import { fgsm, targetedAttack } from './attacks';
import { occludeImage, shiftImage } from './images';
import { layerStride, movementAnalysis } from './movement';
import { occlusionAnalysis, patchOnInk } from './occlusion';
import { mulberry32 } from './prng';
import { analyseImage } from './profile';
import { blob, signalImages, signalNet, zeroBiasVgg } from './testing/nets';

let model: LayersModel;
let net: Network;
const SIZE = 28;
// An object well inside the frame: its projective field never reaches the border after a shift by 4.
const image = blob(SIZE, 10, 10, 6);

beforeAll(async () => {
  await useWasm();
  model = zeroBiasVgg(SIZE);
  net = buildNetwork(model);
});

afterAll(() => {
  disposeNetwork(net);
  model.dispose();
});

describe('image edits', () => {
  it('shifts with zero fill and counts what falls off', () => {
    const input = { height: 3, width: 3, channels: 1 };
    const x = Float32Array.from([1, 0, 0, 0, 2, 0, 0, 0, 3]);
    expect(Array.from(shiftImage(x, input, 1, 0).image)).toEqual([0, 1, 0, 0, 0, 2, 0, 0, 0]);
    expect(shiftImage(x, input, 1, 0).lostValues).toBe(1);
    expect(Array.from(occludeImage(x, input, { row: 1, col: 1, size: 5 }))).toEqual([
      1, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(Array.from(nonZeroPixels({ image: x, input }))).toEqual([0, 4, 8]);
  });
});

describe('movementAnalysis', () => {
  it('leaves conv/pool sizes unchanged and moves the maps for a shift by the pool stride', async () => {
    const r = await movementAnalysis(net, image, 0, 4, -4);
    expect(r.lostValues).toBe(0);
    for (const l of r.layers) {
      if (l.stride === null) continue;
      expect(l.sizeChange).toBeLessThan(1e-5);
      expect(l.pixelSizeChange).toBeLessThan(1e-5);
      expect(l.mapShiftError).not.toBeNull();
      expect(l.mapShiftError!).toBeLessThan(1e-5);
    }
    expect(r.layers.map((l) => l.stride)).toEqual([1, 1, 2, 2, 2, 4, null, null]);
  });

  it('a one-pixel shift keeps the first convs but changes the pooled sizes', async () => {
    const r = await movementAnalysis(net, image, 0, 1, 0);
    expect(r.layers[0]!.sizeChange).toBeLessThan(1e-5);
    expect(r.layers[1]!.sizeChange).toBeLessThan(1e-5);
    expect(r.layers[2]!.mapShiftError).toBeNull(); // 1 is not a multiple of pool1's stride 2
    const pooled = r.layers.filter((l) => l.stride !== null && l.stride > 1);
    expect(Math.max(...pooled.map((l) => l.pixelSizeChange))).toBeGreaterThan(1e-3);
  });

  it('knows the strides from the network: products of conv and pool strides, none for dense', () => {
    const strides = net.layers.map((_, l) => layerStride(net, l));
    const expected: Array<number | null> = [];
    let total = 1;
    for (const layer of net.layers) {
      if (layer.kind === 'conv' || layer.kind === 'pool')
        expected.push((total *= layer.strides[0]));
      else expected.push(null);
    }
    expect(strides).toEqual(expected);
    expect(strides.some((s) => s !== null && s > 1)).toBe(true);
    // A padded first layer (VGG-16: 28×28 read as 32×32) keeps stride 1 where the sizes say 28/32.
    const padded = {
      layers: [
        { kind: 'conv', strides: [1, 1] },
        { kind: 'pool', strides: [2, 2] },
        { kind: 'dense', strides: undefined },
      ],
    } as unknown as Parameters<typeof layerStride>[0];
    expect([0, 1, 2].map((l) => layerStride(padded, l))).toEqual([1, 2, null]);
  });
});

describe('occlusionAnalysis', () => {
  it('a patch off the object changes nothing: overlap 1 in every layer', async () => {
    const r = await occlusionAnalysis(net, image, 0, { row: 0, col: 0, size: 6 });
    expect(r.occludedInk).toBe(0);
    expect(r.occludedPrediction).toBe(r.intactPrediction);
    for (const l of r.layers) {
      expect(l.overlap).toBe(1);
      expect(l.correlation).toBeCloseTo(1, 6);
      expect(l.chance).toBeCloseTo(
        Math.min(3, net.layers[l.layer]!.info.channels) / net.layers[l.layer]!.info.channels,
        12,
      );
    }
  });

  it('a patch on the object hides part of it and stays inside the image', async () => {
    const patch = patchOnInk(image, net.input, 4, mulberry32(1));
    expect(patch.row).toBeGreaterThanOrEqual(0);
    expect(patch.row + patch.size).toBeLessThanOrEqual(SIZE);
    const r = await occlusionAnalysis(net, image, 0, patch, { seed: 2 });
    expect(r.occludedInk).toBeGreaterThan(0);
    expect(r.visiblePixels).toBeGreaterThan(0);
    for (const l of r.layers) expect(l.overlap).toBeLessThanOrEqual(1);
  });
});

describe('countPathways', () => {
  it('recounts the engine’s N_total and restricts to a pixel subset', async () => {
    const { stats } = await analyseImage(net, image, 0);
    expect(countPathways(stats).total).toBe(stats.total);
    const half = Array.from(stats.pixels).slice(0, stats.pixels.length >> 1);
    const sub = countPathways(stats, { pixels: half });
    expect(sub.total).toBeLessThanOrEqual(stats.total);
    const rel = countPathways(stats, { relative: 0.5 });
    expect(rel.total).toBeLessThan(stats.total);
  });
});

describe('attacks', () => {
  const set = signalImages(6);
  let signal: LayersModel;
  let signalNetwork: Network;
  beforeAll(() => {
    signal = signalNet();
    signalNetwork = buildNetwork(signal);
  });
  afterAll(() => {
    disposeNetwork(signalNetwork);
    signal.dispose();
  });

  it('ε = 0 changes nothing', async () => {
    const before = tf.memory().numTensors;
    expect(Array.from(await fgsm(signalNetwork, set, 0))).toEqual(Array.from(set.images));
    const targets = Int32Array.from(set.labels, (y) => 1 - y);
    const r = await targetedAttack(signalNetwork, set, targets, {
      epsilon: 0,
      stepSize: 0.1,
      steps: 5,
    });
    expect(Array.from(r.images)).toEqual(Array.from(set.images));
    expect(Array.from(r.success)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Math.max(...r.linf)).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a targeted attack stays in the ε-ball and in [0, 1], and reaches its target', async () => {
    const model2 = zeroBiasVgg(SIZE, 11);
    const net2 = buildNetwork(model2);
    try {
      const x = { input: net2.input, images: image, labels: Int32Array.from([0]), count: 1 };
      const pred = tf.tidy(
        () =>
          tf.argMax(forwardLogits(net2, tf.tensor4d(image, [1, SIZE, SIZE, 1])), 1).dataSync()[0]!,
      );
      const target = (pred + 1) % 3;
      const r = await targetedAttack(net2, x, [target], {
        epsilon: 0.5,
        stepSize: 0.05,
        steps: 40,
      });
      expect(r.linf[0]).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(Math.min(...r.images)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...r.images)).toBeLessThanOrEqual(1);
      expect(r.success[0]).toBe(1);
      expect(r.stepsUsed[0]).toBeLessThanOrEqual(40);
    } finally {
      disposeNetwork(net2);
      model2.dispose();
    }
  });
});
