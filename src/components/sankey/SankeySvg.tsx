// The SVG layer of the Sankey: column headers, link bands (unless a canvas draws them), nodes with
// their net-flow bars, and labels. Pure drawing of a scene plus event wiring; no state of its own.
import { memo, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { SankeyType } from '../../layout/sankey-layout';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { MARKER_GLYPH, type SankeyScene, type SceneNode } from '../../render/sankey-scene';
import { SANKEY_COLORS } from '../../render/palette';

export interface SankeySvgHandlers {
  onNodeEnter: (id: string | null) => void;
  onLinkEnter: (id: string | null) => void;
  onNodeClick: (id: string) => void;
  onLinkClick: (id: string) => void;
  onBackgroundClick: () => void;
  /** Pointer position over the plot, for hit-testing links drawn on the canvas. */
  onPlotMove?: (x: number, y: number) => void;
  onNodeKeyDown: (event: KeyboardEvent<SVGGElement>, id: string) => void;
  onNodeFocus: (id: string) => void;
}

export interface SankeySvgProps extends SankeySvgHandlers {
  scene: SankeyScene;
  drawLinks: boolean;
  /** Test hooks and accessible description of the whole figure. */
  dataAttributes: Record<`data-${string}`, string>;
  ariaLabel: string;
  describedBy?: string;
  pinned: string | null;
  /** The one node in the tab order (roving tabindex). */
  tabStopId: string | null;
  titleOf: (id: string) => string;
  /** The type sizes the layout fitted its text to (default: the stylesheet's). */
  type?: SankeyType;
  children?: ReactNode;
}

/** The stylesheet's sizes (sankey-styles.ts), which the default layout is made for. */
const DEFAULT_TYPE: SankeyType = {
  label: 12,
  labelBold: false,
  labelStep: 13,
  header: 13,
  headerLine: 14,
  headerTop: 16,
  note: 11,
  marker: 13,
};

interface NodeLabelProps {
  label: SceneNode['label'];
  /** The node's corner: the label is drawn inside the node's translated group. */
  at: { x: number; y: number };
  type: SankeyType;
  /** The last line is the node's flow (the pixel and the class), drawn muted. */
  valueLine: boolean;
}

function NodeLabel({ label, at, type, valueLine }: NodeLabelProps) {
  if (!label.visible) return null;
  const step = type.labelStep;
  const top = label.y - at.y - ((label.lines.length - 1) * step) / 2;
  return (
    <text
      className="pl-label"
      textAnchor={label.anchor}
      dominantBaseline="central"
      fill={SANKEY_COLORS.text}
      style={{ fontSize: type.label, fontWeight: type.labelBold ? 600 : undefined }}
    >
      {label.lines.map((line, i) => (
        <tspan
          key={i}
          x={label.x - at.x}
          y={top + i * step}
          className={
            valueLine && i > 0 && i === label.lines.length - 1 ? 'pl-label-sub' : undefined
          }
        >
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The important-map ★, haloed in white so it stays legible where it crosses link bands. */
function NodeMarker(props: {
  marker: SceneNode['marker'];
  at: { x: number; y: number };
  size: number;
}) {
  const { marker, at, size } = props;
  if (!marker) return null;
  return (
    <text
      className="pl-marker"
      x={marker.x - at.x}
      y={marker.y - at.y}
      textAnchor={marker.anchor}
      dominantBaseline="central"
      fill={SANKEY_COLORS.text}
      style={{ fontSize: size }}
      aria-hidden="true"
    >
      {MARKER_GLYPH}
    </text>
  );
}

/** Same drawing: every prop identical, the data attributes equal by value. */
function sameSvgProps(a: SankeySvgProps, b: SankeySvgProps): boolean {
  for (const key of Object.keys({ ...a, ...b }) as Array<keyof SankeySvgProps>) {
    if (key === 'dataAttributes') continue;
    if (a[key] !== b[key]) return false;
  }
  const ka = Object.keys(a.dataAttributes) as Array<`data-${string}`>;
  return (
    ka.length === Object.keys(b.dataAttributes).length &&
    ka.every((k) => a.dataAttributes[k] === b.dataAttributes[k])
  );
}

/**
 * Memoised: a Sankey has hundreds to thousands of elements (VGG-16), and the view around it
 * re-renders on things that do not change the drawing (docs/benchmarks.md).
 */
export const SankeySvg = memo(function SankeySvg(props: SankeySvgProps) {
  const { scene, pinned, tabStopId, titleOf } = props;
  const type = props.type ?? DEFAULT_TYPE;
  const plotMove = (e: PointerEvent<SVGRectElement>) => {
    if (!props.onPlotMove) return;
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (box) props.onPlotMove(e.clientX - box.left, e.clientY - box.top);
  };
  return (
    <svg
      width={scene.width}
      height={scene.height}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      role="group"
      aria-label={props.ariaLabel}
      aria-describedby={props.describedBy}
      {...props.dataAttributes}
    >
      <rect
        width={scene.width}
        height={scene.height}
        fill="transparent"
        onClick={props.onBackgroundClick}
        onPointerMove={plotMove}
        onPointerLeave={() => props.onLinkEnter(null)}
      />
      <g aria-hidden="true">
        {scene.headers.map((h) => (
          <g key={h.column} textAnchor="middle" opacity={h.revealed ? 1 : 0.4}>
            <title>{h.title}</title>
            {h.lines.map((line) => (
              <text
                key={line.y}
                className="pl-header"
                x={h.x}
                y={line.y}
                fill={SANKEY_COLORS.text}
                style={{ fontSize: type.header }}
              >
                {line.text}
              </text>
            ))}
            {h.note && (
              <text className="pl-header-note" x={h.x} y={h.noteY} style={{ fontSize: type.note }}>
                {h.note}
              </text>
            )}
          </g>
        ))}
      </g>
      {props.drawLinks && (
        <g aria-hidden="true" onPointerLeave={() => props.onLinkEnter(null)}>
          {/* Keyed by draw position, not by id: a new pixel's bands then reuse the previous
              ones' <path>s (new attributes) instead of removing, creating and reordering
              hundreds of elements (the bands carry no state of their own). No <title>: hovering
              a band shows its description in the Sankey's tooltip (SankeyTooltip). */}
          {scene.links.map((l, i) => (
            <path
              key={PERF_BASELINE ? l.id : i}
              // A class, not the link's id: with keys by position every click would rewrite the
              // id of every band (~300 attribute writes); the handlers below know the id.
              className="pl-band"
              d={l.d}
              fill={l.fill}
              fillOpacity={l.opacity}
              opacity={l.visible ? 1 : 0}
              pointerEvents={l.visible ? undefined : 'none'}
              onPointerEnter={() => props.onLinkEnter(l.id)}
              onClick={() => props.onLinkClick(l.id)}
            >
              {PERF_BASELINE && <title>{titleOf(l.id)}</title>}
            </path>
          ))}
        </g>
      )}
      {props.drawLinks && (
        <g aria-hidden="true" pointerEvents="none" data-testid="sankey-trace">
          {scene.links.map(
            (l) =>
              l.overlay &&
              l.visible && (
                <path
                  key={l.id}
                  data-trace-link-id={l.id}
                  d={l.overlay.d}
                  fill={l.overlay.fill}
                  fillOpacity={l.overlay.opacity}
                />
              ),
          )}
        </g>
      )}
      <g>
        {scene.nodes.map((n) => {
          const title = titleOf(n.id);
          return (
            <g
              key={n.id}
              data-node-id={n.id}
              data-flow={n.flow}
              data-important={n.marker ? 'true' : undefined}
              role="button"
              tabIndex={n.visible ? (n.id === tabStopId ? 0 : -1) : undefined}
              aria-label={title.replace(/\n/g, '; ')}
              aria-pressed={pinned === n.id}
              aria-hidden={n.visible ? undefined : true}
              // Positioned as a group: a new answer moves each box with one attribute, not the x
              // and y of its three rects.
              transform={`translate(${n.x},${n.y})`}
              opacity={n.visible ? n.opacity : 0}
              pointerEvents={n.visible ? undefined : 'none'}
              onPointerEnter={() => props.onNodeEnter(n.id)}
              onPointerLeave={() => props.onNodeEnter(null)}
              onClick={() => props.onNodeClick(n.id)}
              onKeyDown={(e) => props.onNodeKeyDown(e, n.id)}
              onFocus={() => props.onNodeFocus(n.id)}
              onBlur={() => props.onNodeEnter(null)}
            >
              <title>{title}</title>
              {/* A wider transparent target: nodes are 12 px wide, too narrow to hit comfortably. */}
              <rect x={-4} y={-2} width={n.width + 8} height={n.height + 4} fill="transparent" />
              <rect
                className="pl-node-box"
                x={0}
                y={0}
                width={n.width}
                height={n.height}
                fill={SANKEY_COLORS.nodeFill}
                stroke={pinned === n.id ? SANKEY_COLORS.pinStroke : SANKEY_COLORS.nodeStroke}
                strokeWidth={pinned === n.id ? 2.5 : 0.75}
              />
              {n.bar && (
                <rect x={0} y={0} width={n.width} height={n.bar.height} fill={n.bar.fill} />
              )}
              <NodeMarker marker={n.marker} at={n} size={type.marker} />
              <NodeLabel
                label={n.label}
                at={n}
                type={type}
                valueLine={n.kind === 'input' || n.kind === 'class'}
              />
            </g>
          );
        })}
      </g>
      {props.children}
    </svg>
  );
}, sameSvgProps);
