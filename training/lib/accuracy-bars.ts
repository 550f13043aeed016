/** The hard accuracy requirements for the shipped models (full 10,000-image test sets). */
import type { ModelId } from './model-ids';

export const ACCURACY_BARS: Record<ModelId, number> = {
  mnist: 0.99,
  fashion: 0.9,
  'vgg-mnist': 0.993,
  'vgg-fashion': 0.915,
};

/** Upper bound on model.json + weights of the small models, so the app loads fast. */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

/** Per-model size limits: 2 MB for the small models, 8 MB for the VGG-16 ones. */
export const MODEL_SIZE_LIMITS: Record<ModelId, number> = {
  mnist: MAX_MODEL_BYTES,
  fashion: MAX_MODEL_BYTES,
  'vgg-mnist': 8 * 1024 * 1024,
  'vgg-fashion': 8 * 1024 * 1024,
};
