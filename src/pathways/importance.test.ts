// Definition 9: map importance by ablation, checked by hand (tiny net) and against the Keras model
// with the ablated map's kernel and bias zeroed (an independent way to remove a ReLU map).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, disposeNetwork, mapImportance } from './index';
import { useWasm } from './testing/backend';
import { blobImage, vggLikeModel } from './testing/models';
import { TINY_IMAGE, tinyModel } from './testing/tiny';

beforeAll(useWasm);

const softmax0 = (a: number, b: number) => Math.exp(a) / (Math.exp(a) + Math.exp(b));

describe('mapImportance', () => {
  it('tiny net, by hand: zeroing dense unit 1 moves the logits from [3.1, −1.5] to [2.6, −2.5]', async () => {
    const model = tinyModel();
    const net = buildNetwork(model);
    const r = await mapImportance(net, TINY_IMAGE, [0], { layers: [2] });
    expect(r.baseAccuracy).toBe(1);
    expect(r.baseTrueProbability).toBeCloseTo(softmax0(3.1, -1.5), 6);
    // unit 0 zeroed: logits = [0.5·1 + 0.1, 1·1] = [0.6, 1] → wrong class
    expect(r.accuracyDrop[0]![0]).toBe(1);
    expect(r.probabilityDrop[0]![0]).toBeCloseTo(softmax0(3.1, -1.5) - softmax0(0.6, 1), 6);
    expect(r.accuracyDrop[0]![1]).toBe(0);
    expect(r.probabilityDrop[0]![1]).toBeCloseTo(softmax0(3.1, -1.5) - softmax0(2.6, -2.5), 6);
    expect(Array.from(r.rank[0]!)).toEqual([0, 1]);
    disposeNetwork(net);
    model.dispose();
  });

  it('equals the model with the map’s kernel and bias zeroed; a pool map equals its conv map', async () => {
    const model = vggLikeModel({ widths: [4, 4, 6, 6], dense: 12, seed: 9 });
    const net = buildNetwork(model);
    const N = 12;
    const images = new Float32Array(N * 784);
    for (let i = 0; i < N; i++) images.set(blobImage(28, 28, 1, 100 + i, 3 + (i % 4)), i * 784);
    const labels = Array.from({ length: N }, (_, i) => i % 10);
    const progress: number[] = [];
    const r = await mapImportance(net, images, labels, {
      layers: [1, 2, 6],
      batchSize: 5,
      onProgress: (done) => progress.push(done),
    });
    expect(progress.at(-1)).toBe((4 + 4 + 12) * 3);
    // Independent: zero the Keras weights of conv1_2 map 3 and of dense1 unit 5.
    const x = tf.tensor4d(images, [N, 28, 28, 1]);
    const y = tf.tensor1d(labels, 'int32');
    const evaluate = () =>
      tf.tidy(() => {
        const logits = model.predict(x) as tf.Tensor;
        const acc = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32')).dataSync()[0]!;
        const p = tf.mean(tf.sum(tf.mul(tf.softmax(logits), tf.oneHot(y, 10)), 1)).dataSync()[0]!;
        return [acc, p] as const;
      });
    const [acc0, p0] = evaluate();
    expect(r.baseAccuracy).toBeCloseTo(acc0, 6);
    expect(r.baseTrueProbability).toBeCloseTo(p0, 5);
    for (const [layerName, layerIndex, k, row] of [
      ['conv1_2', 1, 3, 0],
      ['dense1', 6, 5, 2],
    ] as const) {
      const layer = model.getLayer(layerName);
      const original = layer.getWeights().map((w) => w.clone());
      tf.tidy(() => {
        const [w, b] = original as [tf.Tensor, tf.Tensor];
        const units = b.shape[0]!;
        const keep = tf.sub(1, tf.oneHot(tf.tensor1d([k], 'int32'), units));
        layer.setWeights([tf.mul(w, keep), tf.mul(b, tf.reshape(keep, [units]))]);
      });
      const [acc, p] = evaluate();
      layer.setWeights(original);
      original.forEach((t) => t.dispose());
      expect(r.layers[row]).toBe(layerIndex);
      expect(r.accuracyDrop[row]![k]).toBeCloseTo(acc0 - acc, 6);
      expect(r.probabilityDrop[row]![k]).toBeCloseTo(p0 - p, 5);
    }
    expect(Array.from(r.accuracyDrop[1]!)).toEqual(Array.from(r.accuracyDrop[0]!));
    x.dispose();
    y.dispose();
    disposeNetwork(net);
    model.dispose();
  });
});
