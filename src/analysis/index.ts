// The paper's analyses (findings 1–5, docs/analyses.md), pure and reusable and built on the
// engine's definitions (src/pathways, docs/method.md): the browser worker and the command-line
// report (scripts/reproduce.ts) call the same functions. No DOM and no Node APIs; long runs take
// RunControl (onProgress, AbortSignal).
export * from './control';
export * from './images';
export * from './importance';
export * from './profile';
export * from './overlap';
export * from './consistency';
export * from './portion-hot';
export * from './attacks';
export * from './attack-pathways';
export * from './occlusion';
export * from './movement';
export * from './groups';
export { auc, separability } from './auc';
export { histogram, type Histogram } from './histogram';
export { fitPca, projectPca, type PcaOptions, type PcaResult } from './pca';
export { mulberry32, deriveSeed, shuffle, sampleWithoutReplacement, randomInt } from './prng';
export * from './statistics';
