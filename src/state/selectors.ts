// Selectors shared by panels. Each returns data already in the store (stable references), as
// zustand's hooks require: a selector that builds a new object on every call re-renders forever.
import type { AppState } from './types';

const DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const selectClassNames = (s: AppState): readonly string[] =>
  s.samples.set?.classNames ?? s.model.card?.classNames ?? DIGITS;

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
