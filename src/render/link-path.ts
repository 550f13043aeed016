// Link geometry: a filled ribbon between two horizontal cubic curves, so the band keeps its
// vertical thickness (|flow| · ky) along the way and hit-testing covers the whole band. SVG and the
// standalone export draw its path string; the canvas traces the same outline from its numbers
// (traceRibbon), which spares parsing a Path2D string per band and frame.
import type { PositionedLink } from '../layout/sankey-layout';

/** Thinner bands are drawn at this thickness so they stay visible and hoverable (px). */
const MIN_BAND = 0.75;

/** A band's outline: its ends' centres and half its thickness. */
export interface Ribbon {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Half the drawn thickness (px). */
  h: number;
}

export function ribbonOf(
  link: Pick<PositionedLink, 'x0' | 'x1' | 'y0' | 'y1' | 'width'>,
  minBand = MIN_BAND,
): Ribbon {
  const { x0, x1, y0, y1 } = link;
  return { x0, x1, y0, y1, h: Math.max(link.width, minBand) / 2 };
}

const r = (v: number) => Math.round(v * 100) / 100;

export function ribbonPath(
  link: Pick<PositionedLink, 'x0' | 'x1' | 'y0' | 'y1' | 'width'>,
  minBand = MIN_BAND,
): string {
  const { x0, x1, y0, y1, h } = ribbonOf(link, minBand);
  const xm = (x0 + x1) / 2;
  return (
    `M${r(x0)},${r(y0 - h)}C${r(xm)},${r(y0 - h)} ${r(xm)},${r(y1 - h)} ${r(x1)},${r(y1 - h)}` +
    `L${r(x1)},${r(y1 + h)}C${r(xm)},${r(y1 + h)} ${r(xm)},${r(y0 + h)} ${r(x0)},${r(y0 + h)}Z`
  );
}

/** The calls of a canvas path that traceRibbon makes (CanvasRenderingContext2D has them). */
export type RibbonPathSink = Pick<
  CanvasRenderingContext2D,
  'moveTo' | 'bezierCurveTo' | 'lineTo' | 'closePath'
>;

/** Adds the ribbon's outline to a canvas path: the same commands as ribbonPath, unrounded. */
export function traceRibbon(ctx: RibbonPathSink, { x0, x1, y0, y1, h }: Ribbon): void {
  const xm = (x0 + x1) / 2;
  ctx.moveTo(x0, y0 - h);
  ctx.bezierCurveTo(xm, y0 - h, xm, y1 - h, x1, y1 - h);
  ctx.lineTo(x1, y1 + h);
  ctx.bezierCurveTo(xm, y1 + h, xm, y0 + h, x0, y0 + h);
  ctx.closePath();
}
