// The header's Compare button: opens the compare mode (two pixels by default; the kind is chosen
// in the view) or closes it. Its pressed state says which mode the page is in.
import { appStore, useAppState } from '../../state/store';

export function CompareToggle() {
  const open = useAppState((s) => s.compare.kind !== null);
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={open}
      data-testid="compare-toggle"
      onClick={() => appStore.getState().setCompareKind(open ? null : 'pixels')}
    >
      Compare
    </button>
  );
}
