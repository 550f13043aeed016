/**
 * The shipped models: the small VGG-style CNN per dataset (id = dataset id) and the VGG-16
 * topology per dataset (id `vgg-<dataset>`). Pure, so the model card type can use it.
 */
import type { DatasetId } from '../data/types';

export type Arch = 'small' | 'vgg16';
export const ARCHS: readonly Arch[] = ['small', 'vgg16'];

export type ModelId = DatasetId | `vgg-${DatasetId}`;
export const MODEL_IDS: readonly ModelId[] = ['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'];

export function isArch(value: string): value is Arch {
  return (ARCHS as readonly string[]).includes(value);
}

export function modelIdOf(dataset: DatasetId, arch: Arch): ModelId {
  return arch === 'vgg16' ? `vgg-${dataset}` : dataset;
}

export function datasetOf(id: ModelId): DatasetId {
  return id === 'vgg-mnist' || id === 'mnist' ? 'mnist' : 'fashion';
}
