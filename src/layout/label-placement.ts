// Node labels: beside each node, never overlapping within a column. Larger nodes win a contested
// spot; a label that loses stays reachable through the node's tooltip and the hover readout.
// With a `LabelFit` (lecture and embed views) labels are also fitted to the gap before the next
// column: too wide, a 'map 12' label shortens to its number, a longer one breaks onto a second
// line below the first ('8 other maps' at last shortens to '+8'), and one that still does not fit
// is hidden.
import type { TextMeasure } from './header-fit';

export interface LabelledNode {
  column: number;
  kind: string;
  shortLabel?: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  gross: number;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  labelVisible: boolean;
  /** Fitted label lines when they differ from the node's short label (LabelFit only). */
  labelLines?: string[];
}

/** Gap between a node's edge and its label, in px. */
export const LABEL_GAP = 6;

export interface LabelFit {
  /** Gap between a node's edge and its label (px). */
  gap: number;
  measure: TextMeasure;
  fontSize: number;
  bold: boolean;
  /** Distance between a label's lines (px). */
  lineStep: number;
  /** Width a label of column `c` may take (px); the end columns use their margins. */
  room: (column: number) => number;
  /** Lines drawn under the label itself (the input and class nodes show their flow). */
  extraLines: (node: LabelledNode) => number;
  /** Labels stay between these y (the drawing's top and bottom). */
  top: number;
  bottom: number;
}

/** A map's or unit's label, 'map 12': its number alone still names it under its header. */
const NUMBERED = /^\S+ (\d+)$/;

/** The label's lines fitted into `room`, or null when no form of it fits. */
export function fitLabel(text: string, room: number, fit: LabelFit): string[] | null {
  const fits = (t: string) => fit.measure(t, fit.fontSize, fit.bold) <= room;
  if (fits(text)) return [text];
  // 'map 12' → '12' (the column's header names the layer); '8 other maps' → '+8'.
  const numbered = NUMBERED.exec(text);
  if (numbered) return fits(numbered[1]!) ? [numbered[1]!] : null;
  const others = /^(\d+) other /.exec(text);
  const words = text.split(' ');
  let best: string[] | null = null;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(...lines.map((l) => fit.measure(l, fit.fontSize, fit.bold)));
    if (width <= room && width < bestWidth) [best, bestWidth] = [lines, width];
  }
  if (!best && others && fits(`+${others[1]}`)) return [`+${others[1]}`];
  return best;
}

export function placeLabels<N extends LabelledNode>(
  nodes: N[],
  columnCount: number,
  lineHeight: number,
  fit?: LabelFit,
): void {
  for (let c = 0; c < columnCount; c++) {
    const column = nodes.filter((n) => n.column === c);
    // The pixel's labels sit in the left margin; every other column labels to the right, which
    // for the class column is the right margin.
    const left = c === 0;
    // Vertical extent of each label around its y: [above, below].
    const extent = new Map<N, [number, number]>();
    // One column names its maps alike: once one 'map 12' is cut to '12', so are all the others.
    const numberOnly =
      fit !== undefined &&
      column.some((n) => {
        const lines = fitLabel(n.shortLabel ?? '', fit.room(c), fit);
        return lines !== null && lines[0] !== n.shortLabel && NUMBERED.test(n.shortLabel ?? '');
      });
    for (const n of column) {
      n.labelAnchor = left ? 'end' : 'start';
      const gap = fit?.gap ?? LABEL_GAP;
      n.labelX = left ? n.x0 - gap : n.x1 + gap;
      n.labelY = (n.y0 + n.y1) / 2;
      n.labelVisible = false;
      n.labelLines = undefined;
      extent.set(n, [lineHeight / 2, lineHeight / 2]);
      if (!fit) continue;
      const text = n.shortLabel ?? '';
      const number = numberOnly ? NUMBERED.exec(text) : null;
      const lines = fitLabel(number ? number[1]! : text, fit.room(c), fit);
      if (!lines) {
        extent.delete(n);
        continue;
      }
      if (lines.length > 1 || lines[0] !== n.shortLabel) n.labelLines = lines;
      const extra = fit.extraLines(n);
      const half = lineHeight / 2;
      if (extra > 0) {
        // The input and class labels (name, then flow) are centred on the node.
        const span = (lines.length - 1 + extra) * fit.lineStep;
        extent.set(n, [span / 2 + half, span / 2 + half]);
        continue;
      }
      // A broken label keeps its first line beside the node and continues below it, or, at the
      // foot of the drawing, its last line beside the node and starts above it.
      const more = (lines.length - 1) * fit.lineStep;
      const down = n.labelY + more + half <= fit.bottom;
      n.labelY += down ? more / 2 : -more / 2;
      extent.set(n, down ? [half, more + half] : [more + half, half]);
    }
    const centre = (n: N) => (n.y0 + n.y1) / 2;
    const priority = [...column].sort(
      (a, b) =>
        Number(b.kind === 'other') - Number(a.kind === 'other') || b.gross - a.gross || a.y0 - b.y0,
    );
    const taken: Array<[number, number]> = fit
      ? [
          [-Infinity, fit.top],
          [fit.bottom, Infinity],
        ]
      : [];
    for (const n of priority) {
      const e = extent.get(n);
      if (!e) continue;
      const top = centre(n) - e[0];
      const bottom = centre(n) + e[1];
      // Touching is fine; the comparison keeps the old rule (|Δy| ≥ lineHeight) for one line.
      if (taken.every(([t, b]) => bottom <= t + 1e-9 || top >= b - 1e-9)) {
        n.labelVisible = true;
        taken.push([top, bottom]);
      }
    }
  }
}
