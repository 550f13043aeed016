// One click from an Analyses view (attack, occlusion, movement) into the compare mode: A is the
// current image, B its attacked, occluded or shifted variant, both at A's selected pixel.
import type { CompareVariant } from '../../state/compare-image-code';
import { appStore } from '../../state/store';

export interface CompareEntryProps {
  /** B's image (made at the click: it may be costly), or null while there is none. */
  variant: () => Float32Array | null;
  kind: CompareVariant;
  disabled?: boolean;
}

export function CompareEntry({ variant, kind, disabled }: CompareEntryProps) {
  return (
    <button
      type="button"
      className="cmp-entry"
      disabled={disabled}
      data-testid={`compare-${kind}`}
      onClick={() => {
        const pixels = variant();
        if (!pixels) return;
        appStore.getState().openImageComparison(pixels, kind, null);
        // The comparison opens in the centre, far above the Analyses area.
        requestAnimationFrame(() =>
          document
            .querySelector('[data-testid="compare-view"]')
            ?.scrollIntoView({ block: 'start' }),
        );
      }}
    >
      Compare the pathways of the selected pixel: original vs {kind}
    </button>
  );
}
