import { useMemo } from 'react';
import { analysesStore, PER_CLASS_CHOICES, useAnalyses } from '../../state/analyses-store';
import { useAppState } from '../../state/store';
import { selectFittingGallery } from '../../state/selectors';
import type { LabelledImages } from '../../worker/analysis-protocol';
import { galleryMissing } from './gallery-missing';
import { firstPerClass, labelledImages } from './sample-sets';

/** How many gallery samples per class the population analyses use. */
export function SampleCountPicker() {
  const perClass = useAnalyses((s) => s.perClass);
  return (
    <label className="an-field">
      Samples per class
      <select
        value={perClass}
        data-testid="per-class"
        onChange={(e) => analysesStore.getState().setPerClass(Number(e.target.value))}
      >
        {PER_CLASS_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface GallerySet {
  classes: number;
  /** The first n samples of each class, as a fresh set. */
  build(perClass: number): { set: LabelledImages; count: number };
}

/** The current model's gallery as a source of labelled sets, or null while there is none. */
export function useGallerySet(): GallerySet | null {
  const set = useAppState(selectFittingGallery);
  return useMemo(() => {
    if (!set) return null;
    const classes = set.classNames.length;
    return {
      classes,
      build(perClass) {
        const picked = labelledImages(set, firstPerClass(set.labels, classes, perClass));
        return { set: picked, count: picked.count };
      },
    };
  }, [set]);
}

/** Why there is no gallery to run on, for the views' controls (null while there is one). */
export function useGalleryMissing(): string | null {
  return useAppState(galleryMissing);
}
