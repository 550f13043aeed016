// The exact checks of docs/method.md on the SHIPPED VGG-16-topology models (public/models/vgg-*:
// 13 convs, 5 max-pools, 3 dense layers; a 28×28 input padded to 32×32 by the first layer): completeness, size = gradient × input and
// flow conservation, on the wasm backend in float32, with the tolerances of mnist.test.ts.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadShippedModel, readSampleSet, sampleInput } from '../../scripts/lib/shipped';
import {
  buildNetwork,
  completenessError,
  computeGates,
  disposeNetwork,
  nonZeroPixels,
} from './index';
import { maxAbs, maxAbsDiff } from './testing/checks';
import { flowErrors, sizeVsGradient } from './testing/identities';

const REL = 1e-5;

describe.each([
  ['vgg-mnist', 'mnist', 3],
  ['vgg-fashion', 'fashion', 7],
] as const)('shipped %s model: exact identities', (id, dataset, sample) => {
  it('is traced layer by layer, and completeness, gradient × input and conservation hold', async () => {
    const model = await loadShippedModel(id);
    const net = buildNetwork(model);
    expect(net.layers.filter((l) => l.kind === 'conv')).toHaveLength(13);
    expect(net.layers.filter((l) => l.kind === 'pool')).toHaveLength(5);
    expect(net.layers.map((l) => l.info.name).slice(-3)).toEqual(['dense1', 'dense2', 'logits']);

    // The model's first layer pads the 28×28 image to 32×32; the engine folds it into conv1_1.
    expect(net.input).toEqual({ height: 28, width: 28, channels: 1 });
    expect(net.layers[0]!.info).toMatchObject({ height: 32, width: 32 });
    expect(net.layers[0]!.sources).toEqual(['pad_input', 'conv1_1']);
    const image = sampleInput(readSampleSet(dataset), sample);
    const gates = await computeGates(net, image);
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor4d(image, [1, 28, 28, 1])) as tf.Tensor).dataSync(),
    );
    expect(maxAbsDiff(gates.logits, expected) / maxAbs(expected)).toBeLessThan(REL);

    // Σ_p D_l^p + B_l = h_l at all 21 layers, logits included.
    const scale = gates.activation.map((h) => Math.max(1, maxAbs(h)));
    (await completenessError(net, gates)).forEach((e, l) =>
      expect(e / scale[l]!).toBeLessThan(REL),
    );
    // s_l^p[k] = x_p · ∂(Σ h_l[:,:,k])/∂x_p through tf.grad, every map of every layer.
    expect(await sizeVsGradient(model, net, gates)).toBeLessThan(REL);
    // Σ_k F_l = R_c(p) at every layer; edge flows balance at every node.
    const pixels = Array.from(nonZeroPixels({ image, input: net.input }));
    for (const p of [pixels[10]!, pixels[pixels.length >> 1]!]) {
      const e = await flowErrors(net, gates, [p], gates.prediction);
      expect(e.layerSum / e.scale).toBeLessThan(REL);
      expect(e.conservation / e.scale).toBeLessThan(REL);
      expect(e.relevanceVsLogitDiffusion / e.scale).toBeLessThan(REL);
    }
    disposeNetwork(net);
    model.dispose();
  });
});
