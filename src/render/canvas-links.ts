// Canvas drawing of link bands, used when there are too many links for smooth SVG (hundreds of
// path elements each restyled on hover). Nodes and labels stay in SVG for events and accessibility.
import { traceRibbon } from './link-path';
import type { SceneLink } from './sankey-scene';

/** Above this many links the view draws bands on a canvas instead of SVG paths. */
export const CANVAS_LINK_THRESHOLD = 800;

export function paintLinks(
  ctx: CanvasRenderingContext2D,
  links: readonly SceneLink[],
  size: { width: number; height: number },
  dpr: number,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, size.width * dpr, size.height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const link of links) {
    if (!link.visible) continue;
    ctx.globalAlpha = link.opacity;
    ctx.fillStyle = link.fill;
    ctx.beginPath();
    traceRibbon(ctx, link.ribbon);
    ctx.fill();
  }
  // The focused pathway's coloured parts go on top of every grey band.
  for (const link of links) {
    if (!link.visible || !link.overlay) continue;
    ctx.globalAlpha = link.overlay.opacity;
    ctx.fillStyle = link.overlay.fill;
    ctx.beginPath();
    traceRibbon(ctx, link.overlay.ribbon);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

/** Top-most visible link under (x, y) in CSS px, or null. Links are in draw order. */
export function linkAt(
  ctx: CanvasRenderingContext2D,
  links: readonly SceneLink[],
  x: number,
  y: number,
  dpr: number,
): SceneLink | null {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (let i = links.length - 1; i >= 0; i--) {
    const link = links[i]!;
    const [x0, y0, x1, y1] = link.box;
    if (!link.visible || x < x0 || x > x1 || y < y0 || y > y1) continue;
    // The path is traced under the transform (device pixels); isPointInPath takes device pixels.
    ctx.beginPath();
    traceRibbon(ctx, link.ribbon);
    if (ctx.isPointInPath(x * dpr, y * dpr)) return link;
  }
  return null;
}
