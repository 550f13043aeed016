// Positioned layout + visual state → a display list of plain primitives. The React SVG layer, the
// canvas layer and the standalone SVG export all draw this one list, so they cannot disagree.
import type { PositionedLink, PositionedNode, SankeyLayout } from '../layout/sankey-layout';
import { formatSigned } from '../lib/format';
import { ribbonOf, ribbonPath, type Ribbon } from './link-path';
import { SANKEY_COLORS, nodeColor } from './palette';
import { linkDrawOrder, linkStyle, nodeStyle, type SankeyVisualState } from './sankey-style';

export interface SceneLink {
  id: string;
  source: string;
  target: string;
  flow: number;
  d: string;
  /** The outline `d` draws, as numbers (the canvas traces it: link-path.ts traceRibbon). */
  ribbon: Ribbon;
  fill: string;
  opacity: number;
  visible: boolean;
  /** The coloured part carrying the focused pathway's flow, drawn over the (grey) band. */
  overlay: { d: string; ribbon: Ribbon; fill: string; opacity: number } | null;
  /** Bounding box for cheap hit-test rejection on canvas. */
  box: [x0: number, y0: number, x1: number, y1: number];
}

export interface SceneNode {
  id: string;
  kind: PositionedNode['kind'];
  flow: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Net-flow bar: |F| · ky tall, coloured by the sign of F (absent when F = 0). */
  bar: { height: number; fill: string } | null;
  opacity: number;
  visible: boolean;
  emphasised: boolean;
  label: { x: number; y: number; anchor: 'start' | 'end'; lines: string[]; visible: boolean };
  /** Important-map mark (★), beside the node on the side away from its label; null if unmarked. */
  marker: { x: number; y: number; anchor: 'start' | 'end' } | null;
}

export interface SceneHeader {
  x: number;
  /** One or two lines (a merged 'conv + pool' label may break), with their baselines. */
  lines: Array<{ text: string; y: number }>;
  note: string;
  noteY: number;
  /** Full label and note, for the header's tooltip when the fitted text is shorter. */
  title: string;
  column: number;
  /** False for columns playback has not reached yet: drawn faintly as a preview. */
  revealed: boolean;
}

export interface SankeyScene {
  width: number;
  height: number;
  headers: SceneHeader[];
  links: SceneLink[];
  nodes: SceneNode[];
}

/** The important-map glyph; legends use the same character. */
export const MARKER_GLYPH = '★';
/** Gap between a node and its marker (px). */
const MARKER_GAP = 2;

function nodeMarker(node: PositionedNode, state: SankeyVisualState): SceneNode['marker'] {
  if (node.kind !== 'unit' || !state.marked?.has(node.id)) return null;
  // Labels sit on one side of the node; the mark takes the other so the two never overlap.
  const right = node.labelAnchor === 'end';
  return {
    x: right ? node.x1 + MARKER_GAP : node.x0 - MARKER_GAP,
    y: (node.y0 + node.y1) / 2,
    anchor: right ? 'start' : 'end',
  };
}

/** Rendered nodes are at least this tall so a tiny flow still has something to hover (px). */
const MIN_NODE_HEIGHT = 1.5;

function sceneLink(link: PositionedLink, state: SankeyVisualState): SceneLink {
  const s = linkStyle(link, state);
  const h = Math.max(link.width, 1) / 2;
  return {
    id: link.id,
    source: link.source,
    target: link.target,
    flow: link.flow,
    d: ribbonPath(link),
    ribbon: ribbonOf(link),
    fill: s.fill,
    opacity: s.opacity,
    visible: s.visible,
    overlay:
      s.overlayWidth > 0
        ? {
            d: ribbonPath({ ...link, width: s.overlayWidth }, 0),
            ribbon: ribbonOf({ ...link, width: s.overlayWidth }, 0),
            fill: s.overlayFill,
            opacity: s.overlayOpacity,
          }
        : null,
    box: [link.x0, Math.min(link.y0, link.y1) - h, link.x1, Math.max(link.y0, link.y1) + h],
  };
}

function labelLines(node: PositionedNode): string[] {
  // The ends of the diagram carry the numbers a reader looks for first: what the pixel sends and
  // what the class receives; inner nodes keep short labels (values are in the tooltip). A label
  // fitted to a small space (layout `fit`) comes as its fitted lines.
  const label = node.labelLines ?? [node.shortLabel];
  if (node.kind === 'class' || node.kind === 'input') {
    return [...label, formatSigned(node.flow)];
  }
  return label;
}

function sceneNode(node: PositionedNode, ky: number, state: SankeyVisualState): SceneNode {
  const s = nodeStyle(node, state);
  const height = Math.max(node.y1 - node.y0, MIN_NODE_HEIGHT);
  const barHeight = Math.min(height, Math.abs(node.flow) * ky);
  return {
    id: node.id,
    kind: node.kind,
    flow: node.flow,
    x: node.x0,
    y: node.y0,
    width: node.x1 - node.x0,
    height,
    bar: node.flow !== 0 ? { height: Math.max(barHeight, 1), fill: nodeColor(node.flow) } : null,
    opacity: s.opacity,
    visible: s.visible,
    emphasised: s.emphasised,
    label: {
      x: node.labelX,
      y: node.labelY,
      anchor: node.labelAnchor,
      lines: labelLines(node),
      visible: node.labelVisible,
    },
    marker: nodeMarker(node, state),
  };
}

/** Baseline of the first header line (the layout's type; lines follow at `type.headerLine`). */
function headerTop(layout: SankeyLayout): number {
  return layout.type.headerTop;
}

export function buildScene(layout: SankeyLayout, state: SankeyVisualState): SankeyScene {
  return {
    width: layout.width,
    height: layout.height,
    headers: layout.columns.map((c) => ({
      x: c.x,
      lines: c.headerLines.map((text, i) => ({
        text,
        y: headerTop(layout) + i * layout.type.headerLine,
      })),
      note: c.headerNote,
      noteY: headerTop(layout) + c.headerLines.length * layout.type.headerLine,
      title: c.note ? `${c.label}: ${c.note}` : c.label,
      column: c.index,
      revealed: c.index < state.reveal,
    })),
    links: linkDrawOrder(layout.links).map((l) => sceneLink(l, state)),
    nodes: layout.nodes.map((n) => sceneNode(n, layout.ky, state)),
  };
}

export { SANKEY_COLORS };
