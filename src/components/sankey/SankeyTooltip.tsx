// The hovered (or focused, or pinned) box's numbers in a small tooltip beside the box, so they are
// read where the eye is rather than under the figure. Positioned from the layout's coordinates and
// the drawn svg's size (the figure may be scaled), flipped to the box's left where the right side
// has no room, so it never widens the page. Decorative for screen readers: the same text goes to
// a polite live region next to it, and every box has it as its accessible name.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** A box (or a point, x0 = x1 and y0 = y1) in the layout's coordinates. */
export interface TooltipAnchor {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface SankeyTooltipProps {
  /** An element the figure's svg is drawn in (the tooltip finds the svg there). */
  frame: RefObject<HTMLElement | null>;
  /** Width of the scene the anchor's coordinates are in. */
  sceneWidth: number;
  anchor: TooltipAnchor | null;
  text: string;
  /** Id of what is shown (a node or link id), for tests. */
  itemId: string | null;
}

const GAP = 8;

export function SankeyTooltip({ frame, sceneWidth, anchor, text, itemId }: SankeyTooltipProps) {
  const tip = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const shown = anchor !== null && text !== '';

  useLayoutEffect(() => {
    const box = tip.current;
    const svg = frame.current?.querySelector('svg');
    // Placed in its offset parent's coordinates, wherever the svg sits (it may pan in a scroller).
    const host = box?.offsetParent;
    if (!shown || !(host instanceof HTMLElement) || !box || !svg || !anchor) {
      setPlace(null);
      return;
    }
    const hostRect = host.getBoundingClientRect();
    const svgRect = svg.getBoundingClientRect();
    const scale = sceneWidth > 0 && svgRect.width > 0 ? svgRect.width / sceneWidth : 1;
    const offsetX = svgRect.left - hostRect.left;
    const offsetY = svgRect.top - hostRect.top;
    const left0 = offsetX + anchor.x0 * scale;
    const right0 = offsetX + anchor.x1 * scale;
    const top0 = offsetY + anchor.y0 * scale;
    const bottom0 = offsetY + anchor.y1 * scale;
    const w = box.offsetWidth;
    const h = box.offsetHeight;
    // Room to the right: the frame's width, and the window's (the frame may be wider than it).
    const limit = Math.min(host.clientWidth, document.documentElement.clientWidth - hostRect.left);
    let left = right0 + GAP;
    if (left + w > limit) left = left0 - GAP - w;
    left = Math.max(0, Math.min(left, limit - w));
    const mid = (top0 + bottom0) / 2;
    // Beside a tall box: level with its top; beside a point or a small box: centred on it.
    let top = bottom0 - top0 > h ? top0 : mid - h / 2;
    top = Math.max(0, top);
    setPlace({ left: Math.round(left), top: Math.round(top) });
  }, [frame, sceneWidth, anchor, text, shown]);

  return (
    <div
      ref={tip}
      className="pl-tooltip"
      aria-hidden="true"
      data-testid="sankey-tooltip"
      data-item={shown ? (itemId ?? '') : ''}
      hidden={!shown}
      style={place ? { left: place.left, top: place.top } : undefined}
    >
      {text}
    </div>
  );
}
