/**
 * Shared shapes of the datasets. Images are stored compactly as raw bytes; conversion to the
 * model's float input (pixel/255, NHWC [N,28,28,1]) happens in training/lib/tensors.ts.
 */

export type DatasetId = 'mnist' | 'fashion';
export type Split = 'train' | 'test';

export const IMAGE_HEIGHT = 28;
export const IMAGE_WIDTH = 28;
export const PIXELS_PER_IMAGE = IMAGE_HEIGHT * IMAGE_WIDTH;
export const CLASS_COUNT = 10;

export interface Dataset {
  /** count × 784 bytes, each image 28×28 row-major, 0 = background, 255 = full ink. */
  images: Uint8Array;
  /** count class indices 0..9, aligned with images. */
  labels: Uint8Array;
  count: number;
  /** 10 human-readable class names, indexed by label. */
  classNames: string[];
}

export const MNIST_CLASS_NAMES: readonly string[] = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
];

export const FASHION_CLASS_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
