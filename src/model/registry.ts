// The built-in models. Plain data (no TensorFlow.js) so that the UI can import it directly.
// Each model's files live under public/models/<id>/; each dataset's gallery under
// public/samples/<dataset>.*, shared by the dataset's models.

export const MODEL_IDS = ['mnist', 'fashion', 'vgg-mnist', 'vgg-fashion'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const DATASET_IDS = ['mnist', 'fashion'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** The network families: the two-block CNN and the paper's VGG-16 topology (docs/models.md). */
export const NETWORK_IDS = ['small', 'vgg16'] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

export interface ModelEntry {
  id: ModelId;
  dataset: DatasetId;
  network: NetworkId;
  /** Short label, e.g. for a custom-model chip or the model card ("MNIST · VGG-16"). */
  label: string;
  /** One line for tooltips and screen readers. */
  description: string;
  /**
   * The gallery sample a link without `sample` opens. For MNIST it is the precomputed example
   * (public/precomputed/<id>-default.json), so the first paint already has its pathways.
   */
  defaultSample: number;
}

export interface DatasetEntry {
  id: DatasetId;
  label: string;
  description: string;
}

export interface NetworkEntry {
  id: NetworkId;
  label: string;
  description: string;
}

export const DATASET_REGISTRY: readonly DatasetEntry[] = [
  { id: 'mnist', label: 'MNIST', description: 'Handwritten digits 0–9' },
  { id: 'fashion', label: 'Fashion-MNIST', description: 'Clothing and shoes, 10 kinds' },
];

export const NETWORK_REGISTRY: readonly NetworkEntry[] = [
  {
    id: 'small',
    label: 'Small CNN',
    description: '2 conv blocks (8 and 16 maps), 7 pathway layers',
  },
  {
    id: 'vgg16',
    label: 'VGG-16',
    description:
      "The paper's network: 13 convs in 5 blocks (⅛ width: 8–64 maps), 21 pathway layers",
  },
];

export const MODEL_REGISTRY: readonly ModelEntry[] = [
  {
    id: 'mnist',
    dataset: 'mnist',
    network: 'small',
    label: 'MNIST',
    description: 'Handwritten digits 0–9, small CNN',
    defaultSample: 350,
  },
  {
    id: 'fashion',
    dataset: 'fashion',
    network: 'small',
    label: 'Fashion-MNIST',
    description: 'Clothing and shoes, 10 kinds, small CNN',
    defaultSample: 0,
  },
  {
    id: 'vgg-mnist',
    dataset: 'mnist',
    network: 'vgg16',
    label: 'MNIST · VGG-16',
    description: 'Handwritten digits 0–9, VGG-16 topology',
    defaultSample: 350,
  },
  {
    id: 'vgg-fashion',
    dataset: 'fashion',
    network: 'vgg16',
    label: 'Fashion-MNIST · VGG-16',
    description: 'Clothing and shoes, 10 kinds, VGG-16 topology',
    defaultSample: 0,
  },
];

export const DEFAULT_MODEL_ID: ModelId = 'mnist';

export function isModelId(value: string): value is ModelId {
  return (MODEL_IDS as readonly string[]).includes(value);
}

export function modelEntry(id: ModelId): ModelEntry {
  // The registry covers every ModelId, so the fallback is unreachable; it keeps the type total.
  return MODEL_REGISTRY.find((m) => m.id === id) ?? (MODEL_REGISTRY[0] as ModelEntry);
}

/** The built-in model of this dataset and network (every pair exists). */
export function modelFor(dataset: DatasetId, network: NetworkId): ModelId {
  const found = MODEL_REGISTRY.find((m) => m.dataset === dataset && m.network === network);
  return found?.id ?? DEFAULT_MODEL_ID;
}

/** Paths relative to the site's base URL (vite base './'), resolved by resolveSiteUrl. */
export function modelJsonPath(id: ModelId): string {
  return `models/${id}/model.json`;
}

export function modelCardPath(id: ModelId): string {
  return `models/${id}/model-card.json`;
}

/** The gallery of the model's dataset (the small and the VGG-16 model share it). */
export function samplePaths(id: ModelId): { bin: string; meta: string } {
  const dataset = modelEntry(id).dataset;
  return { bin: `samples/${dataset}.bin`, meta: `samples/${dataset}.json` };
}
