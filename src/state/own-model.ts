// Whether the user's own model (from a link or from files, docs/own-model.md) is chosen rather
// than a built-in one: its gallery, default sample, precomputed view and wording differ.
import type { AppState } from './types';

/** The worker's cache key of a model opened from files (src/model/model-files.ts). */
const LOCAL_MODEL_PREFIX = 'local-model:';

export function isOwnModel(s: AppState): boolean {
  return (
    s.customModelUrl !== null || (s.model.summary?.url.startsWith(LOCAL_MODEL_PREFIX) ?? false)
  );
}
