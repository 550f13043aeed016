/** Repository locations used by the training scripts (independent of the working directory). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetId } from '../data/types';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MODELS_DIR = join(REPO_ROOT, 'public', 'models');
export const SAMPLES_DIR = join(REPO_ROOT, 'public', 'samples');
export const MODELS_DOC_PATH = join(REPO_ROOT, 'docs', 'models.md');

export function modelDir(id: DatasetId): string {
  return join(MODELS_DIR, id);
}
