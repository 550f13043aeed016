/** The hard accuracy requirements for the shipped models (full 10,000-image test sets). */
import type { DatasetId } from '../data/types';

export const ACCURACY_BARS: Record<DatasetId, number> = { mnist: 0.99, fashion: 0.9 };

/** Upper bound on model.json + weights, so the app loads fast on an ordinary laptop. */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;
