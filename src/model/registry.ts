// The built-in models. Plain data (no TensorFlow.js) so that the UI can import it directly.
// Each model's files live under public/models/<id>/ and its gallery under public/samples/<id>.*.

export const MODEL_IDS = ['mnist', 'fashion'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export interface ModelEntry {
  id: ModelId;
  /** Short label for the picker. */
  label: string;
  /** One line for tooltips and screen readers. */
  description: string;
  /**
   * The gallery sample a link without `sample` opens. For MNIST it is the precomputed example
   * (public/precomputed/mnist-default.json), so the first paint already has its pathways.
   */
  defaultSample: number;
}

export const MODEL_REGISTRY: readonly ModelEntry[] = [
  { id: 'mnist', label: 'MNIST', description: 'Handwritten digits 0–9', defaultSample: 350 },
  {
    id: 'fashion',
    label: 'Fashion-MNIST',
    description: 'Clothing and shoes, 10 kinds',
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

/** Paths relative to the site's base URL (vite base './'), resolved by resolveSiteUrl. */
export function modelJsonPath(id: ModelId): string {
  return `models/${id}/model.json`;
}

export function modelCardPath(id: ModelId): string {
  return `models/${id}/model-card.json`;
}

export function samplePaths(id: ModelId): { bin: string; meta: string } {
  return { bin: `samples/${id}.bin`, meta: `samples/${id}.json` };
}
