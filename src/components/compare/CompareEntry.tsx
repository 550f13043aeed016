// One click from an Analyses view (attack, occlusion, movement) into the compare mode: A is the
// current image, B its attacked, occluded or shifted variant, both at the pixel the reader points
// at on the view's image (pointed-pixel.tsx), else at the selected pixel. The button says which.
import { useId } from 'react';
import { describeRegion, type PixelRegion } from '../../lib/selection';
import type { CompareVariant } from '../../state/compare-image-code';
import { appStore, useAppState } from '../../state/store';
import { usePointedPixel } from './pointed-pixel';
import './compare.css';

export interface CompareEntryProps {
  /** B's image (made at the click: it may be costly), or null while there is none. */
  variant: () => Float32Array | null;
  kind: CompareVariant;
  disabled?: boolean;
}

export function CompareEntry({ variant, kind, disabled }: CompareEntryProps) {
  const pointed = usePointedPixel();
  const selected = useAppState((s) => s.selection?.region ?? null);
  const region: PixelRegion | null = pointed
    ? { row0: pointed.row, col0: pointed.col, row1: pointed.row, col1: pointed.col }
    : selected;
  const what = pointed
    ? `the pixel you pointed at (row ${pointed.row}, col ${pointed.col})`
    : selected
      ? `the selected ${describeRegion(selected)}`
      : null;
  const hint = pointed
    ? 'Move the pointer off this view to use the selected pixel instead.'
    : 'Point at a pixel of the image to compare that one instead.';
  const hintId = useId();
  return (
    <span className="cmp-entry">
      <button
        type="button"
        disabled={disabled}
        aria-describedby={hintId}
        data-testid={`compare-${kind}`}
        data-pointed={pointed ? 'true' : 'false'}
        onClick={() => {
          const pixels = variant();
          if (!pixels) return;
          appStore.getState().openImageComparison(pixels, kind, pointed ? region : null);
          // The comparison opens in the centre, far above the Analyses area.
          requestAnimationFrame(() =>
            document
              .querySelector('[data-testid="compare-view"]')
              ?.scrollIntoView({ block: 'start' }),
          );
        }}
      >
        {what
          ? `Compare the pathways of ${what}: original vs ${kind}`
          : `Compare the pathways: original vs ${kind}`}
      </button>
      <span className="small cmp-entry-hint" id={hintId}>
        {hint}
      </span>
    </span>
  );
}
