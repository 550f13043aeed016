/** Repository locations used by the training scripts (independent of the working directory). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelId } from './model-ids';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODELS_DIR = join(REPO_ROOT, 'public', 'models');
export const SAMPLES_DIR = join(REPO_ROOT, 'public', 'samples');
export const MODELS_DOC_PATH = join(REPO_ROOT, 'docs', 'models.md');

export function modelDir(id: ModelId): string {
  return join(MODELS_DIR, id);
}
