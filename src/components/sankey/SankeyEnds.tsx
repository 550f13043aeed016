// While a wide Sankey pans sideways (many layers, e.g. VGG-16), its two ends stay in sight: the
// pixel's column pinned to the left edge of the frame and the class column to the right, drawn
// from the same scene at the same heights, so the middle scrolls between where the flow starts and
// where it arrives. A copy for the eye only: the figure's own nodes stay the ones to click and
// focus (hidden from assistive technology here, so nothing is announced twice).
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { SankeyType } from '../../layout/sankey-layout';
import type { SankeyScene, SceneHeader, SceneNode } from '../../render/sankey-scene';
import { SANKEY_COLORS } from '../../render/palette';

interface EndProps {
  scene: SankeyScene;
  type: SankeyType;
  side: 'start' | 'end';
  /** The plot's horizontal scroll offset: which part of the scene lies under the frame. */
  scrollLeft: number;
  viewWidth: number;
}

/**
 * The column's own extent: its boxes, their labels and its header with its note (text widths
 * estimated). The copy is opaque, so it must be as wide as its own header: a narrower one left
 * the header cut and the next column's header showing beside it.
 */
export function endExtent(
  nodes: SceneNode[],
  header: SceneHeader | null | undefined,
  type: SankeyType,
  side: 'start' | 'end',
) {
  const charWidth = type.label * 0.62;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const n of nodes) {
    x0 = Math.min(x0, n.x);
    x1 = Math.max(x1, n.x + n.width);
    if (!n.label.visible) continue;
    const w = Math.max(...n.label.lines.map((l) => l.length)) * charWidth;
    if (n.label.anchor === 'end') x0 = Math.min(x0, n.label.x - w);
    else x1 = Math.max(x1, n.label.x + w);
  }
  if (header) {
    // Headers are centred on the column; the note is set smaller than the header.
    const half = Math.max(
      ...header.lines.map((l) => (l.text.length * type.header * 0.62) / 2),
      (header.note.length * type.note * 0.62) / 2,
    );
    x0 = Math.min(x0, header.x - half);
    x1 = Math.max(x1, header.x + half);
  }
  return side === 'start' ? { x0: Math.max(0, x0 - 6), x1: x1 + 6 } : { x0: x0 - 6, x1: x1 + 6 };
}

function SankeyEnd({ scene, type, side, scrollLeft, viewWidth }: EndProps) {
  const kind = side === 'start' ? 'input' : 'class';
  const nodes = scene.nodes.filter((n) => n.kind === kind && n.visible);
  const column = nodes[0] ? scene.headers.find((h) => Math.abs(h.x - nodes[0]!.x) < 40) : null;
  if (nodes.length === 0) return null;
  const { x0, x1 } = endExtent(nodes, column, type, side);
  const width = Math.ceil(x1 - x0);
  // Already on screen where it is: no copy.
  if (side === 'start' ? scrollLeft <= x0 + 1 : scrollLeft + viewWidth >= x1 - 1) return null;
  return (
    <svg
      className={`pl-sankey-end pl-sankey-end-${side}`}
      width={width}
      height={scene.height}
      viewBox={`${x0} 0 ${width} ${scene.height}`}
      aria-hidden="true"
      data-testid={`sankey-end-${side}`}
    >
      {column?.lines.map((line) => (
        <text
          key={line.y}
          className="pl-header"
          x={column.x}
          y={line.y}
          textAnchor="middle"
          fill={SANKEY_COLORS.text}
          style={{ fontSize: type.header }}
        >
          {line.text}
        </text>
      ))}
      {column?.note && (
        <text
          className="pl-header-note"
          x={column.x}
          y={column.noteY}
          textAnchor="middle"
          style={{ fontSize: type.note }}
        >
          {column.note}
        </text>
      )}
      {nodes.map((n) => (
        <g key={n.id} opacity={n.opacity}>
          <rect
            x={n.x}
            y={n.y}
            width={n.width}
            height={n.height}
            fill={SANKEY_COLORS.nodeFill}
            stroke={SANKEY_COLORS.nodeStroke}
            strokeWidth={0.75}
          />
          {n.bar && (
            <rect x={n.x} y={n.y} width={n.width} height={n.bar.height} fill={n.bar.fill} />
          )}
          {n.label.visible && (
            <text
              className="pl-label"
              textAnchor={n.label.anchor}
              dominantBaseline="central"
              fill={SANKEY_COLORS.text}
              style={{ fontSize: type.label, fontWeight: type.labelBold ? 600 : undefined }}
            >
              {n.label.lines.map((line, i) => (
                <tspan
                  key={i}
                  x={n.label.x}
                  y={
                    n.label.y -
                    ((n.label.lines.length - 1) * type.labelStep) / 2 +
                    i * type.labelStep
                  }
                  className={i > 0 && i === n.label.lines.length - 1 ? 'pl-label-sub' : undefined}
                >
                  {line}
                </tspan>
              ))}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

export interface SankeyEndsProps {
  scene: SankeyScene | null;
  type: SankeyType | undefined;
  /** The element the plot scrolls in; its scroll position decides which ends need a copy. */
  scroller: RefObject<HTMLElement | null>;
}

/** The scroller's offset and width, following scrolls and resizes (only this overlay re-renders). */
function useScrollView(scroller: RefObject<HTMLElement | null>) {
  const [view, setView] = useState({ left: 0, width: 0, scrolls: false });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const next = {
        left: el.scrollLeft,
        width: el.clientWidth,
        scrolls: el.scrollWidth > el.clientWidth + 1,
      };
      setView((v) =>
        v.left === next.left && v.width === next.width && v.scrolls === next.scrolls ? v : next,
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [scroller]);
  return view;
}

export function SankeyEnds({ scene, type, scroller }: SankeyEndsProps) {
  const view = useScrollView(scroller);
  if (!scene || !type || !view.scrolls) return null;
  const shared = { scene, type, scrollLeft: view.left, viewWidth: view.width };
  return (
    <>
      <SankeyEnd {...shared} side="start" />
      <SankeyEnd {...shared} side="end" />
    </>
  );
}
