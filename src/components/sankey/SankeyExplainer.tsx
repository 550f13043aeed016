// Plain-language explanation of the diagram: what a pathway is, what widths and colours mean, and
// what is approximate. Collapsed by default so it never crowds the figure.

export function SankeyExplainer({ open = false }: { open?: boolean }) {
  return (
    <details className="pl-explainer" open={open} data-testid="sankey-explainer">
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
        positive and negative parts cancel.
      </p>
      <p>
        <strong>What is simplified:</strong> small maps are grouped into an “other” box, and pruning
        hides small links; their flow is still counted (the prune line says how much is shown).
        Hovering highlights where a box’s flow goes by assuming flows mix inside each map; the
        “largest pathways” listed elsewhere come from a beam search, which is approximate.
      </p>
    </details>
  );
}
