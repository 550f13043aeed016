/**
 * The VGG-16 topology of the paper (Simonyan & Zisserman's configuration D), narrowed for
 * 32×32×1 inputs: 13 3×3 'same' convs in five blocks of 2, 2, 3, 3, 3 convs, each block followed
 * by 2×2 max-pooling, then flatten, two dense ReLU layers and a linear dense 'logits' layer.
 *
 * Training uses BatchNorm between each conv and its ReLU (conv without bias -> BN -> ReLU), which
 * makes the 13-conv stack train fast and reliably. Before saving, foldBatchNorm() folds every BN
 * into its conv (kernel scaled per output channel, BN shift as the bias), giving a model of only
 * Conv2D(relu)/MaxPooling2D/Flatten/Dense layers: the layer set the app's pathway engine supports.
 * The folded model computes exactly the trained model's inference-mode function.
 */
import * as tf from '@tensorflow/tfjs';
import { CLASS_COUNT, IMAGE_HEIGHT } from './data/types';
import { deriveSeed } from './lib/prng';

/** Zero padding on each side of the 28×28 images: the VGG models take 32×32 inputs. */
export const VGG16_INPUT_PADDING = 2;
export const VGG16_INPUT_SIZE = IMAGE_HEIGHT + 2 * VGG16_INPUT_PADDING;
/** The shipped model's first layer: the ZeroPadding2D that turns the 28×28 image into 32×32. */
export const VGG16_PADDING_LAYER = 'pad_input';

/** Convs per block in VGG-16. */
export const VGG16_BLOCK_DEPTHS = [2, 2, 3, 3, 3] as const;

export interface Vgg16Widths {
  /** Channels of the convs of each of the five blocks. */
  blocks: readonly [number, number, number, number, number];
  /** Units of the two hidden dense layers. */
  dense: readonly [number, number];
}

/** ⅛ of VGG-16 (64, 128, 256, 512, 512 channels; the paper's 4096-unit dense layers scaled down). */
export const VGG16_EIGHTH: Vgg16Widths = { blocks: [8, 16, 32, 64, 64], dense: [64, 64] };

/** Names of the saved (folded) model's layers, in order: pad_input, conv1_1 ... pool5, flatten, dense1, dense2, logits. */
export const VGG16_LAYER_NAMES: readonly string[] = [
  'pad_input',
  ...VGG16_BLOCK_DEPTHS.flatMap((depth, b) => [
    ...Array.from({ length: depth }, (_, i) => `conv${b + 1}_${i + 1}`),
    `pool${b + 1}`,
  ]),
  'flatten',
  'dense1',
  'dense2',
  'logits',
];

/** BatchNorm epsilon, shared by training and folding. */
const BN_EPSILON = 1e-3;

interface LinearConvArgs {
  name: string;
  filters: number;
  seed: number;
  inputShape?: number[];
}

/**
 * A 3×3 'same' conv without bias or activation, computed with the plain tf.conv2d op. (A linear
 * tf.layers.conv2d uses the fused conv op, whose gradient needs Conv2DBackpropFilter, which the
 * wasm backend lacks; tf.conv2d goes through the gradient of training/conv-grad.ts.) Training-only.
 */
class LinearConv2D extends tf.layers.Layer {
  static className = 'PathwayLensLinearConv2D';
  private readonly filters: number;
  private readonly seed: number;
  private kernel: tf.LayerVariable | null = null;

  constructor(args: LinearConvArgs) {
    super({ name: args.name, ...(args.inputShape ? { inputShape: args.inputShape } : {}) });
    this.filters = args.filters;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = shape[3];
    if (typeof channels !== 'number') throw new Error(`${this.name}: unknown input channels.`);
    this.kernel = this.addWeight(
      'kernel',
      [3, 3, channels, this.filters],
      'float32',
      tf.initializers.heNormal({ seed: this.seed }),
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, shape[1] ?? null, shape[2] ?? null, this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      if (!this.kernel) throw new Error(`${this.name} is not built.`);
      return tf.conv2d(x, this.kernel.read() as tf.Tensor4D, 1, 'same');
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, seed: this.seed };
  }
}
tf.serialization.registerClass(LinearConv2D);

function convNames(): string[] {
  return VGG16_LAYER_NAMES.filter((name) => name.startsWith('conv'));
}

/**
 * The training model: per conv, three layers `<name>` (LinearConv2D), `<name>_bn`
 * (BatchNormalization) and `<name>_relu`; then the pools, flatten and dense layers with their
 * final names. Seeds: one stream per layer, as in training/model.ts.
 */
export function buildVgg16Training(widths: Vgg16Widths, seed: number): tf.Sequential {
  let stream = 0;
  const model = tf.sequential({ name: 'pathway_lens_vgg16_train' });
  let first = true;
  VGG16_BLOCK_DEPTHS.forEach((depth, b) => {
    for (let i = 0; i < depth; i++) {
      const name = `conv${b + 1}_${i + 1}`;
      model.add(
        new LinearConv2D({
          name,
          filters: widths.blocks[b]!,
          seed: deriveSeed(seed, stream++),
          ...(first ? { inputShape: [VGG16_INPUT_SIZE, VGG16_INPUT_SIZE, 1] } : {}),
        }),
      );
      first = false;
      model.add(tf.layers.batchNormalization({ name: `${name}_bn`, epsilon: BN_EPSILON }));
      model.add(tf.layers.activation({ name: `${name}_relu`, activation: 'relu' }));
    }
    model.add(tf.layers.maxPooling2d({ name: `pool${b + 1}`, poolSize: 2, strides: 2 }));
  });
  addHead(model, widths, () => deriveSeed(seed, stream++));
  return model;
}

function addHead(model: tf.Sequential, widths: Vgg16Widths, nextSeed: () => number): void {
  model.add(tf.layers.flatten({ name: 'flatten' }));
  widths.dense.forEach((units, k) =>
    model.add(
      tf.layers.dense({
        name: `dense${k + 1}`,
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: nextSeed() }),
      }),
    ),
  );
  model.add(
    tf.layers.dense({
      name: 'logits',
      units: CLASS_COUNT,
      activation: 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
    }),
  );
}

/**
 * The shipped architecture (Conv2D with bias and ReLU), weights left at zero-seeded init. It
 * takes the 28×28 image itself: its first layer, `pad_input`, adds the zero border that training
 * added to the data, so the convs see the same 32×32 input, and apps feed 28×28 like the small
 * models (the pathway engine folds that ZeroPadding2D into conv1_1's padding).
 */
export function buildVgg16Plain(widths: Vgg16Widths): tf.Sequential {
  const model = tf.sequential({ name: 'pathway_lens_vgg16' });
  model.add(
    tf.layers.zeroPadding2d({
      name: VGG16_PADDING_LAYER,
      padding: VGG16_INPUT_PADDING,
      inputShape: [IMAGE_HEIGHT, IMAGE_HEIGHT, 1],
    }),
  );
  VGG16_BLOCK_DEPTHS.forEach((depth, b) => {
    for (let i = 0; i < depth; i++) {
      model.add(
        tf.layers.conv2d({
          name: `conv${b + 1}_${i + 1}`,
          filters: widths.blocks[b]!,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
        }),
      );
    }
    model.add(tf.layers.maxPooling2d({ name: `pool${b + 1}`, poolSize: 2, strides: 2 }));
  });
  let seed = 0;
  addHead(model, widths, () => seed++);
  return model;
}

function weightsOf(model: tf.LayersModel, name: string): tf.Tensor[] {
  return model.getLayer(name).getWeights();
}

/**
 * Folds each `<conv>_bn` into `<conv>`: with s = γ / √(σ² + ε) per output channel, the folded
 * kernel is W·s and the bias β − μ·s, so relu(conv(x, W·s) + β − μ·s) = relu(BN(conv(x, W))) in
 * inference mode (moving mean μ and variance σ²). Dense weights are copied. Returns a new model.
 */
export function foldBatchNorm(trained: tf.LayersModel, widths: Vgg16Widths): tf.Sequential {
  const plain = buildVgg16Plain(widths);
  tf.tidy(() => {
    for (const name of convNames()) {
      const [kernel] = weightsOf(trained, name) as [tf.Tensor4D];
      // BatchNormalization weights: gamma, beta (trainable), moving mean, moving variance.
      const [gamma, beta, movingMean, movingVariance] = weightsOf(trained, `${name}_bn`) as [
        tf.Tensor1D,
        tf.Tensor1D,
        tf.Tensor1D,
        tf.Tensor1D,
      ];
      const scale = tf.div(gamma, tf.sqrt(tf.add(movingVariance, BN_EPSILON)));
      const foldedKernel = tf.mul(kernel, scale); // broadcasts over the last (output) axis
      const foldedBias = tf.sub(beta, tf.mul(movingMean, scale));
      plain.getLayer(name).setWeights([foldedKernel, foldedBias]);
    }
    for (const name of ['dense1', 'dense2', 'logits']) {
      plain.getLayer(name).setWeights(weightsOf(trained, name).map((w) => w.clone()));
    }
  });
  return plain;
}
