// Visual state → per-item style, shared by the SVG layer, the canvas layer and the export, so all
// three draw the same picture. While something is focused every band turns grey and the part of
// each band that carries the focus's flow is drawn over it in colour, at its traced width.
import type { PositionedLink, PositionedNode } from '../layout/sankey-layout';
import type { SankeyTrace } from '../layout/trace';
import { SANKEY_COLORS, linkColor } from './palette';

export interface SankeyVisualState {
  /** Proportional trace of the hovered/pinned item, or null when nothing is focused. */
  trace: SankeyTrace | null;
  /** Columns revealed by playback (columns ≥ reveal are hidden); Infinity shows everything. */
  reveal: number;
  /**
   * Node ids to mark as important maps (ablation, Analyses area). Only map/unit nodes are marked:
   * an "other" node aggregates many channels, so a mark on it would claim too much.
   */
  marked?: ReadonlySet<string>;
}

export const IDLE_STATE: SankeyVisualState = { trace: null, reveal: Infinity };

/** Nodes carrying less than this share of the focus's flow are dimmed. */
const TRACE_MIN_SHARE = 0.05;
/** Traced parts of bands thinner than this (px) are not drawn: they would only add noise. */
const MIN_OVERLAY_PX = 0.35;

export interface LinkStyle {
  fill: string;
  opacity: number;
  visible: boolean;
  /** Width (px) of the coloured part that carries the focus's flow; 0 when none. */
  overlayWidth: number;
  overlayFill: string;
  overlayOpacity: number;
}

export interface NodeStyle {
  opacity: number;
  visible: boolean;
  emphasised: boolean;
}

export function linkStyle(link: PositionedLink, state: SankeyVisualState): LinkStyle {
  const visible = link.column < state.reveal;
  const color = linkColor(link.flow);
  const overlay = {
    overlayFill: linkColor(state.trace?.sign ?? link.flow),
    overlayOpacity: SANKEY_COLORS.highlightOpacity,
  };
  if (!state.trace) {
    return {
      fill: color,
      opacity: SANKEY_COLORS.linkOpacity,
      visible,
      overlayWidth: 0,
      ...overlay,
    };
  }
  const w = state.trace.links.get(link.id) ?? 0;
  const width = w * link.width;
  return {
    fill: SANKEY_COLORS.dimLink,
    opacity: SANKEY_COLORS.dimOpacity,
    visible,
    overlayWidth: width >= MIN_OVERLAY_PX || w === 1 ? width : 0,
    ...overlay,
  };
}

export function nodeStyle(node: PositionedNode, state: SankeyVisualState): NodeStyle {
  const visible = node.column < state.reveal;
  if (!state.trace) return { opacity: 1, visible, emphasised: false };
  const w = state.trace.nodes.get(node.id) ?? 0;
  return w >= TRACE_MIN_SHARE
    ? { opacity: 1, visible, emphasised: true }
    : { opacity: SANKEY_COLORS.dimNodeOpacity, visible, emphasised: false };
}

/** Bigger bands under smaller ones, so thin bands are never buried. */
export function linkDrawOrder(links: readonly PositionedLink[]): PositionedLink[] {
  return [...links].sort((a, b) => b.width - a.width);
}
