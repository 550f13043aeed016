// The PyTorch recipe of docs/own-model.md, checked end to end without PyTorch: the Python
// exporter (training/export/pytorch_to_tfjs.py) writes a Layers model from weights in PyTorch's
// layouts, and a numpy forward pass in PyTorch's NCHW conventions gives the logits it must
// reproduce in TF.js. This catches a wrong kernel transposition, a wrong Flatten order, wrong
// padding and a BatchNorm mix-up; the pathway engine must also accept the model.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNetwork, computeGates, disposeNetwork, queryPixels } from '../../src/pathways';
import { useWasm } from '../../src/pathways/testing/backend';

const SCRIPT = join(import.meta.dirname, 'pytorch_to_tfjs_check.py');
/** The exporter needs only python3 and numpy (the CI machine has both; say so when not). */
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

interface Check {
  input_nhwc: number[];
  shape: [number, number, number];
  logits: number[];
}

describe.skipIf(!hasNumpy)('the PyTorch → TF.js Layers exporter (needs python3 with numpy)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p2t-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function load(): Promise<{ model: tfl.LayersModel; check: Check }> {
    execFileSync('python3', [SCRIPT, dir], { stdio: 'pipe' });
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
      modelTopology: object;
      weightsManifest: Array<{ weights: tf.io.WeightsManifestEntry[] }>;
      userDefinedMetadata?: { classNames?: string[] };
    };
    const bin = readFileSync(join(dir, 'group1-shard1of1.bin'));
    const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData,
      }),
    );
    expect(json.userDefinedMetadata?.classNames).toEqual(['a', 'b', 'c', 'd']);
    const check = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')) as Check;
    return { model, check };
  }

  it('reproduces the PyTorch logits in TF.js, and the engine traces the model', async () => {
    await useWasm();
    const { model, check } = await load();
    const [h, w, c] = check.shape;
    const x = tf.tensor4d(check.input_nhwc, [1, h, w, c]);
    const logits = (model.predict(x) as tf.Tensor).dataSync();
    const scale = Math.max(...check.logits.map(Math.abs));
    // Logits far from zero and from each other: a wrong layout cannot pass by accident.
    expect(Math.max(...check.logits) - Math.min(...check.logits)).toBeGreaterThan(0.1);
    check.logits.forEach((expected, k) => {
      expect(Math.abs((logits[k] ?? NaN) - expected)).toBeLessThan(1e-5 * Math.max(1, scale));
    });

    // The pathway engine reads the same model: ZeroPadding2D before the stride-2 conv, the
    // folded BatchNorm, Activation layers; the pixel's relevance equals its flows' sum.
    const net = buildNetwork(model);
    const image = Float32Array.from(check.input_nhwc);
    const gates = await computeGates(net, image);
    const result = await queryPixels(net, gates, [5 * w + 4], { classIndex: 0 });
    const layerSum = result.nodeFlow.map((flows) => flows.reduce((a, b) => a + b, 0));
    for (const sum of layerSum) expect(Math.abs(sum - result.relevance)).toBeLessThan(1e-4);
    disposeNetwork(net);
    model.dispose();
    x.dispose();
  });
});
