// Link geometry: a filled ribbon between two horizontal cubic curves, so the band keeps its
// vertical thickness (|flow| · ky) along the way and hit-testing covers the whole band. The same
// path string drives SVG, canvas (Path2D) and the standalone export.
import type { PositionedLink } from '../layout/sankey-layout';

/** Thinner bands are drawn at this thickness so they stay visible and hoverable (px). */
const MIN_BAND = 0.75;

const r = (v: number) => Math.round(v * 100) / 100;

export function ribbonPath(
  link: Pick<PositionedLink, 'x0' | 'x1' | 'y0' | 'y1' | 'width'>,
  minBand = MIN_BAND,
): string {
  const h = Math.max(link.width, minBand) / 2;
  const { x0, x1, y0, y1 } = link;
  const xm = (x0 + x1) / 2;
  return (
    `M${r(x0)},${r(y0 - h)}C${r(xm)},${r(y0 - h)} ${r(xm)},${r(y1 - h)} ${r(x1)},${r(y1 - h)}` +
    `L${r(x1)},${r(y1 + h)}C${r(xm)},${r(y1 + h)} ${r(xm)},${r(y0 + h)} ${r(x0)},${r(y0 + h)}Z`
  );
}
