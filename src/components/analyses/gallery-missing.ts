// Why the population analyses (and the attack's natural images) have no gallery to run on, in
// words for the views. A built-in model's gallery is only ever loading or broken; the user's own
// model may have brought no sample set at all, or one that does not fit it.
import { selectFittingGallery } from '../../state/selectors';
import type { AppState } from '../../state/types';

/** What an own model's sample set is: two files beside its model.json (the samples loader). */
export const SAMPLE_SET_FILES = 'samples.json and samples.bin beside its model.json';

/**
 * A sentence saying why there is no gallery that fits the model, or null when there is one or it
 * is still loading (the views then wait with their run buttons disabled).
 */
export function galleryMissing(s: AppState): string | null {
  if (selectFittingGallery(s)) return null;
  const own = s.customModelUrl !== null;
  const { status, error, set } = s.samples;
  if (status === 'loading' || s.model.status === 'loading' || s.model.status === 'idle') {
    return null;
  }
  if (status === 'error') return error ?? 'The sample set could not be loaded.';
  if (set) {
    const { height, width, channels } = s.input;
    const classes = s.model.summary?.classCount;
    return `The sample set (${set.width}×${set.height}×${set.channels}, ${set.classNames.length} classes) does not fit this model (${width}×${height}×${channels}${classes === undefined ? '' : `, ${classes} classes`}).`;
  }
  return own
    ? `This model has no sample set, so there are no labelled images to run this on. To add one, put ${SAMPLE_SET_FILES}.`
    : 'The sample gallery is not loaded.';
}
