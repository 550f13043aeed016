// The pathway engine's public API (docs/method.md, definitions 1–9). One implementation, imported
// by the worker, the main-thread fallback, Node scripts and tests. No DOM and no Node APIs here.
export * from './types';
export {
  buildNetwork,
  createNetwork,
  disposeNetwork,
  specFromModel,
  UnsupportedLayerError,
  type Network,
  type NetworkSpec,
  type LayerSpec,
  type ConvSpec,
  type PoolSpec,
  type DenseSpec,
} from './network';
export { batchTensor, forwardLogits, predictImages, runLayers } from './forward';
export { computeGates } from './gates';
export {
  queryPixels,
  queryChains,
  type ChainsResult,
  fullDiffusion,
  biasPathway,
  chainPrefixFlows,
  type QueryOptions,
} from './query';
export { conservationError } from './flows';
export {
  imageStatistics,
  completenessError,
  nonZeroPixels,
  type Engine,
  type StatisticsOptions,
} from './image-statistics';
export { countPathways, type CountOptions, type PathwayCounts } from './counts';
export { DEFAULT_TOP_M, portionHotCode } from './top-maps';
export { imageForward } from './forward-view';
export {
  ablatableLayers,
  mapImportance,
  scoreLogits,
  type MapImportance,
  type MapImportanceOptions,
} from './importance';
export { QueryCache } from './query-cache';
