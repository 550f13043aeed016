/**
 * Node-only dataset access for training, evaluation, sample sets and CLI scripts.
 * Images: Uint8Array of count × 784 (28×28 row-major, 0-255); labels: Uint8Array of count.
 * The model input is pixel/255 as float32 NHWC [N,28,28,1] (see training/lib/tensors.ts).
 */
import { loadFashion } from './fashion';
import { loadMnist } from './mnist';
import type { Dataset, DatasetId, Split } from './types';

export type { Dataset, DatasetId, Split } from './types';
export {
  CLASS_COUNT,
  FASHION_CLASS_NAMES,
  IMAGE_HEIGHT,
  IMAGE_WIDTH,
  MNIST_CLASS_NAMES,
  PIXELS_PER_IMAGE,
} from './types';

export const DATASET_IDS: readonly DatasetId[] = ['mnist', 'fashion'];

export function isDatasetId(value: string): value is DatasetId {
  return (DATASET_IDS as readonly string[]).includes(value);
}

export function loadDataset(id: DatasetId, split: Split): Dataset {
  return id === 'mnist' ? loadMnist(split) : loadFashion(split);
}
