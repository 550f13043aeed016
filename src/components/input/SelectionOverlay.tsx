import { memo } from 'react';
import type { BrushPoint } from '../../lib/brush';
import { boundingRegion, cellOf, type PixelRegion } from '../../lib/selection';

interface SelectionOverlayProps {
  width: number;
  height: number;
  selectedPixels: readonly number[];
  hoverPixel: number | null;
  /** Rectangle being dragged with the pointer, not yet committed. */
  dragRegion: PixelRegion | null;
  /** Keyboard cursor (pending selection), shown while the canvas has keyboard focus. */
  cursorRegion: PixelRegion | null;
  brush: { at: BrushPoint; size: number } | null;
  /** Draw the cell borders (off where cells are too small for lines between them). */
  gridLines?: boolean;
}

/**
 * SVG drawn over the image in grid units (viewBox = cells), so outlines line up with pixels at any
 * display size. Strokes do not scale and every outline has a white halo under a dark line, so it
 * stays visible on both ink and paper.
 */
function Outline(props: { r: PixelRegion; className: string }) {
  const { r, className } = props;
  const box = { x: r.col0, y: r.row0, width: r.col1 - r.col0 + 1, height: r.row1 - r.row0 + 1 };
  return (
    <g className={className}>
      <rect {...box} className="pl-halo" vectorEffect="non-scaling-stroke" />
      <rect {...box} className="pl-line" vectorEffect="non-scaling-stroke" />
    </g>
  );
}

function GridLines({ width, height }: { width: number; height: number }) {
  let d = '';
  for (let c = 1; c < width; c++) d += `M${c} 0V${height}`;
  for (let r = 1; r < height; r++) d += `M0 ${r}H${width}`;
  return <path d={d} className="pl-grid" vectorEffect="non-scaling-stroke" />;
}

function single(index: number, width: number): PixelRegion {
  const { row, col } = cellOf(index, width);
  return { row0: row, col0: col, row1: row, col1: col };
}

export const SelectionOverlay = memo(function SelectionOverlay(props: SelectionOverlayProps) {
  const { width, height, selectedPixels, hoverPixel, dragRegion, cursorRegion, brush } = props;
  const { gridLines = true } = props;
  const bounds = boundingRegion(selectedPixels, width);
  return (
    <svg
      className="pl-input-overlay"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {gridLines && <GridLines width={width} height={height} />}
      {bounds?.isRectangle && <Outline r={bounds.region} className="pl-sel" />}
      {bounds &&
        !bounds.isRectangle &&
        selectedPixels.map((p) => <Outline key={p} r={single(p, width)} className="pl-sel" />)}
      {hoverPixel !== null && !dragRegion && !brush && (
        <Outline r={single(hoverPixel, width)} className="pl-hover" />
      )}
      {dragRegion && <Outline r={dragRegion} className="pl-pending" />}
      {cursorRegion && <Outline r={cursorRegion} className="pl-pending" />}
      {brush && (
        <circle
          cx={brush.at.x}
          cy={brush.at.y}
          r={Math.max(0.3, brush.size / 2)}
          className="pl-brush-cursor"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
});
