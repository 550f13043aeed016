// How wide the Sankey's plot must be for its columns to stay legible. A small model's 7 columns fit
// any desktop panel, but the VGG-16's 17 (pools merged) or 22 would squeeze below a label's width
// (a 12 px "map 63" and its ★ need ~70 px beside their box), so the plot keeps this width and the
// view pans sideways inside its frame instead (SankeyView, docs/sankey.md "Many layers").

/** Least distance between two columns' boxes (px), at the default 12 px labels. */
export const MIN_COLUMN_PITCH = 76;

/**
 * Up to this many columns the plot fits its frame as before (the small model's 7, in a 600 px
 * embed or on a phone, whose own 680 px minimum is app.css's); more columns keep the pitch.
 */
export const FIT_COLUMNS = 9;

/**
 * The plot width under which the columns would come closer than `pitch`: the gaps between the
 * columns plus the side margins (the pixel's and the class's labels) and one box; 0 (no minimum)
 * for up to FIT_COLUMNS columns.
 */
export function minPlotWidth(
  columnCount: number,
  margin: { left: number; right: number },
  nodeWidth: number,
  pitch: number = MIN_COLUMN_PITCH,
): number {
  if (columnCount <= FIT_COLUMNS) return 0;
  return Math.ceil((columnCount - 1) * pitch + margin.left + margin.right + nodeWidth);
}

/**
 * Where to scroll a panning plot so that column `x` (its centre, in plot px) is in view, with
 * `lead` px of the columns before it: unchanged when it is in view already.
 */
export function scrollToShow(
  x: number,
  scrollLeft: number,
  viewWidth: number,
  lead: number,
): number {
  if (x >= scrollLeft + lead && x <= scrollLeft + viewWidth - lead) return scrollLeft;
  return Math.max(0, x - viewWidth + lead * 2);
}
