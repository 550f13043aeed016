// Test helper: the summary the worker answers a loadModel with, for a small traceable 28×28 model
// (the session tests' fake workers answer with it).
import type { ModelSummary } from './summary-types';

export const modelSummary = (url: string): ModelSummary => ({
  url,
  name: 'm',
  inputShape: [28, 28, 1],
  classCount: 10,
  classNames: [],
  classNamesSource: 'default',
  layers: [],
  parameterCount: 1,
  outputActivation: 'linear',
  pathways: { supported: true },
});
