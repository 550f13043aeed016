// Node labels: beside each node, never overlapping within a column. Larger nodes win a contested
// spot; a label that loses stays reachable through the node's tooltip and the hover readout.

export interface LabelledNode {
  column: number;
  kind: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  gross: number;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  labelVisible: boolean;
}

/** Gap between a node's edge and its label, in px. */
export const LABEL_GAP = 6;

export function placeLabels<N extends LabelledNode>(
  nodes: N[],
  columnCount: number,
  lineHeight: number,
): void {
  for (let c = 0; c < columnCount; c++) {
    const column = nodes.filter((n) => n.column === c);
    // The pixel's labels sit in the left margin; every other column labels to the right, which
    // for the class column is the right margin.
    const left = c === 0;
    for (const n of column) {
      n.labelAnchor = left ? 'end' : 'start';
      n.labelX = left ? n.x0 - LABEL_GAP : n.x1 + LABEL_GAP;
      n.labelY = (n.y0 + n.y1) / 2;
      n.labelVisible = false;
    }
    const priority = [...column].sort(
      (a, b) =>
        Number(b.kind === 'other') - Number(a.kind === 'other') || b.gross - a.gross || a.y0 - b.y0,
    );
    const taken: number[] = [];
    for (const n of priority) {
      if (taken.every((y) => Math.abs(y - n.labelY) >= lineHeight)) {
        n.labelVisible = true;
        taken.push(n.labelY);
      }
    }
  }
}
