// Plain-language explanation of the diagram: what a pathway is, what widths and colours mean, and
// what is approximate. Open on a first visit; once seen, it starts closed, and it remembers the
// reader's own choice (localStorage, where the browser allows it: private windows may refuse).
import { useEffect, useState } from 'react';

const EXPLAINER_STORAGE_KEY = 'pathway-lens:explainer';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself can throw (storage disabled)
  }
}

function readChoice(): 'open' | 'closed' | null {
  try {
    const v = storage()?.getItem(EXPLAINER_STORAGE_KEY);
    return v === 'open' || v === 'closed' ? v : null;
  } catch {
    return null;
  }
}

function writeChoice(v: 'open' | 'closed'): void {
  try {
    storage()?.setItem(EXPLAINER_STORAGE_KEY, v);
  } catch {
    // Private mode or a full quota: the explainer just opens again next time.
  }
}

/** Open on a first visit (nothing stored yet), else as the reader left it. */
function initialExplainerOpen(): boolean {
  return readChoice() !== 'closed';
}

export function SankeyExplainer({ open: forced }: { open?: boolean }) {
  const [open, setOpen] = useState(() => forced ?? initialExplainerOpen());
  // Seen once: later visits start closed unless the reader opens it again.
  useEffect(() => {
    if (forced === undefined && readChoice() === null) writeChoice('closed');
  }, [forced]);
  return (
    <details
      className="pl-explainer"
      open={open}
      data-testid="sankey-explainer"
      onToggle={(e) => {
        const next = e.currentTarget.open;
        if (next === open) return;
        setOpen(next);
        if (forced === undefined) writeChoice(next ? 'open' : 'closed');
      }}
    >
      <summary>How to read this diagram</summary>
      <p>
        A <strong>pathway</strong> is the route a pixel’s signal takes through the network: the
        pixel is spread by each layer’s kernels onto feature maps, layer by layer, until it reaches
        the class score. Each column is a layer; each box is a feature map (or a unit of a dense
        layer).
      </p>
      <p>
        A band’s <strong>width</strong> is how much of the pixel’s contribution to the chosen class
        flows along it. <strong>Blue</strong> bands push the class score up, <strong>orange</strong>{' '}
        bands push it down. The flows are exact and conserved: at every box, what comes in equals
        what goes out, and every column adds up to the pixel’s total contribution shown at the
        right.
      </p>
      <p>
        A box’s grey bar is all flow passing through it; its coloured part is the net flow after
        positive and negative parts cancel. Point at a box or a band to read its numbers beside it;
        shares there are of |flow|, so they lie between 0 and 100 %.
      </p>
      <p>
        <strong>What is simplified:</strong> small maps are grouped into an “other” box, and pruning
        hides small links; their flow is still counted (the prune line says how much is shown).
        Hovering highlights where a box’s flow goes by assuming flows mix inside each map; the
        “largest pathways” listed above come from a beam search, which is approximate.
      </p>
    </details>
  );
}
