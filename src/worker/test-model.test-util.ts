// A small untrained CNN with the app's input and output shapes, built in memory for Node tests.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { BackendEnv } from '../model/backend';
import { trySetBackend } from '../model/set-backend';

// Quiets tfjs's "install tfjs-node" banner in test output.
tf.env().set('IS_TEST', true);

export function buildTestModel(seed = 1): tfl.LayersModel {
  const init = (s: number) => tfl.initializers.glorotUniform({ seed: seed * 100 + s });
  const model = tfl.sequential({ name: 'test-cnn' });
  model.add(
    tfl.layers.conv2d({
      inputShape: [28, 28, 1],
      filters: 4,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init(1),
      name: 'conv1',
    }),
  );
  model.add(tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool1' }));
  model.add(tfl.layers.flatten({ name: 'flatten' }));
  model.add(tfl.layers.dense({ units: 10, kernelInitializer: init(2), name: 'logits' }));
  return model;
}

/** Node has no WebGPU; whatever backends the test imported are the chain. */
export const nodeBackendEnv: BackendEnv = {
  probeAdapter: async () => null,
  trySet: trySetBackend,
};

export function tensorCount(): number {
  return tf.memory().numTensors;
}
