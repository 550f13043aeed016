// Every supported layer configuration against the float64 reference and the exact identities:
// strides, 'valid' padding, even and 5×5 kernels, overlapping and 'same' pooling, linear convs with
// separate ReLU layers, multi-channel non-square inputs, ZeroPadding2D folded into a conv. The
// checks and their float32 relative tolerances are testing/identity-suite.ts's; the topologies of
// user models (average pooling, global pooling, BN, many classes) are in topologies.test.ts.
import * as tfl from '@tensorflow/tfjs-layers';
import { describeIdentities } from './testing/identity-suite';

type Make = () => tfl.LayersModel;
let seed = 100;
const init = () => tfl.initializers.glorotUniform({ seed: seed++ });
const bias = () => tfl.initializers.randomUniform({ minval: -0.2, maxval: 0.3, seed: seed++ });
/** A layer's seeded kernel and bias initialisers (kernel first: the seeds follow this order). */
const seeded = () => ({ kernelInitializer: init(), biasInitializer: bias() });

const variants: Array<[string, [number, number, number], Make]> = [
  [
    'stride-2 valid 5×5 conv, linear conv + ReLU layer, overlapping same pool, RGB 9×11',
    [9, 11, 3],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [9, 11, 3],
            filters: 3,
            kernelSize: 5,
            strides: 2,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 3,
            padding: 'same',
            ...seeded(),
          }),
          tfl.layers.reLU({ name: 'r2' }),
          tfl.layers.maxPooling2d({ name: 'p', poolSize: 3, strides: 2, padding: 'same' }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'd',
            units: 4,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'stride-2 same conv, overlapping valid pool (stride 1), even 2×2 conv, 12×12',
    [12, 12, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [12, 12, 1],
            filters: 3,
            kernelSize: 3,
            strides: 2,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2, strides: 1 }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 2,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dropout({ rate: 0.3 }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'logits',
            units: 4,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'three 3×3 convs then a same pool on an odd map (15×15 → 8×8), two dense layers',
    [15, 15, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            name: 'c1',
            inputShape: [15, 15, 1],
            filters: 2,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 3,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.conv2d({
            name: 'c3',
            filters: 3,
            kernelSize: 3,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p', poolSize: 2, padding: 'same' }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'd1',
            units: 5,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'd2',
            units: 4,
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
  [
    'ZeroPadding2D folded into the next conv (2 all round before a same conv, asymmetric before a valid one)',
    [10, 10, 1],
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.zeroPadding2d({ name: 'pad_input', inputShape: [10, 10, 1], padding: 2 }),
          tfl.layers.conv2d({
            name: 'c1',
            filters: 3,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.maxPooling2d({ name: 'p1', poolSize: 2 }),
          tfl.layers.zeroPadding2d({
            name: 'pad_mid',
            padding: [
              [1, 0],
              [0, 2],
            ],
          }),
          tfl.layers.conv2d({
            name: 'c2',
            filters: 4,
            kernelSize: 3,
            padding: 'valid',
            activation: 'relu',
            ...seeded(),
          }),
          tfl.layers.flatten(),
          tfl.layers.dense({
            name: 'logits',
            units: 3,
            ...seeded(),
          }),
        ],
      }),
  ],
];

for (const [label, shape, make] of variants) describeIdentities(label, shape, make);
