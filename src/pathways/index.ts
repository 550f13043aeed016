// The pathway engine's public API (pathways.md, definitions 1–8). One implementation, imported by
// the worker, the main-thread fallback, Node scripts and tests. No DOM and no Node APIs here.
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
export { computeGates, predict } from './gates';
export {
  queryPixels,
  fullDiffusion,
  biasPathway,
  chainPrefixFlows,
  conservationError,
  DEFAULT_BEAM_WIDTH,
  DEFAULT_TOP_CHAINS,
  type QueryOptions,
} from './query';
export {
  imageStatistics,
  completenessError,
  nonZeroPixels,
  portionHotCode,
  DEFAULT_TOP_M,
  resolveEngine,
  type Engine,
  type StatisticsOptions,
} from './statistics';
export { classRelevance, imageForward } from './forward-view';
export { mapImportance, type ImportanceOptions, type MapImportance } from './importance';
