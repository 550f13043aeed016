// Selectors shared by panels. Each returns data already in the store (stable references), as
// zustand's hooks require: a selector that builds a new object on every call re-renders forever.
import type { SampleSet } from '../model/samples';
import type { AppState } from './types';

const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** The user's own model before its summary has arrived: no names yet (never MNIST's digits). */
const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * The gallery when it fits the loaded model: the model's input geometry and, once the model is
 * known, one class name per output. Anything else (the built-in digits under a 32×32 RGB model of
 * 12 classes) cannot be fed to the model, so the analyses and the class names ignore it.
 */
export const selectFittingGallery = (s: AppState): SampleSet | null => {
  const set = s.samples.status === 'ready' ? s.samples.set : null;
  if (!set) return null;
  const { height, width, channels } = s.input;
  if (set.height !== height || set.width !== width || set.channels !== channels) return null;
  const summary = s.model.summary;
  return summary && set.classNames.length !== summary.classCount ? null : set;
};

/**
 * One name per class, always a reference already in the store. Built-in models: their gallery's
 * names (else the model card's, else the digits). The user's own model: the names it came with
 * (model.json metadata or a labels file, src/model/class-names.ts), else the names of a gallery
 * that fits it, else the summary's "class 0" … "class K−1".
 */
export const selectClassNames = (s: AppState): readonly string[] => {
  if (s.customModelUrl === null) {
    return s.samples.set?.classNames ?? s.model.card?.classNames ?? DIGITS;
  }
  const summary = s.model.summary;
  if (!summary) return NO_NAMES;
  if (summary.classNamesSource !== 'default') return summary.classNames;
  return selectFittingGallery(s)?.classNames ?? summary.classNames;
};

/** The true label of the current image, when it is a gallery sample. */
export const selectTrueLabel = (s: AppState): number | null => {
  const source = s.image?.source;
  if (source?.kind !== 'sample' || !s.samples.set) return null;
  return s.samples.set.labels[source.index] ?? null;
};

/** The prediction for the image on screen, or null while it is computed. */
export const selectCurrentPrediction = (s: AppState) =>
  s.prediction.status === 'ready' && s.prediction.imageVersion === s.image?.version
    ? s.prediction.result
    : null;
