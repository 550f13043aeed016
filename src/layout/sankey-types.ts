// The Sankey's graph model: plain, DOM-free data derived from a PixelQueryResult. Flows are signed
// logit contributions (docs/method.md, definition 5); widths are drawn ∝ |flow| and colour = sign.
import type { Measure } from '../pathways/types';

/**
 * How the graph is thinned for readability. `topK` keeps the K maps with the largest score per
 * column and aggregates the rest into one exact "other" node; `threshold` keeps every map but hides
 * links whose |flow| is below `share` of the total |flow| between the two columns.
 */
export type PruneSpec = { mode: 'topK'; k: number } | { mode: 'threshold'; share: number };

/** Max-pool columns drawn on their own, or merged into the conv column before them. */
export type PoolMode = 'show' | 'merge';

/** What ranks maps for top-K: the class flow |F|, or a pathway size measure s (definition 4). */
export type RankBy = 'flow' | Measure;

export interface SankeyGraphOptions {
  poolMode: PoolMode;
  /** Dense columns always show the N largest units plus one "other" node. */
  denseTopN: number;
  prune: PruneSpec;
  rankBy: RankBy;
  /** A hard cap per column, whatever the prune mode, so wide models stay legible. */
  maxNodesPerColumn: number;
  /** Optional class names, indexed by class; missing names fall back to the index. */
  classNames?: readonly string[];
}

export const DEFAULT_SANKEY_OPTIONS: SankeyGraphOptions = {
  poolMode: 'merge',
  denseTopN: 8,
  prune: { mode: 'topK', k: 8 },
  rankBy: 'flow',
  maxNodesPerColumn: 24,
};

export type SankeyColumnKind = 'input' | 'conv' | 'pool' | 'dense' | 'class';

export interface SankeyColumn {
  index: number;
  /** Stable id; a merged conv+pool column keeps the conv layer's name so node ids survive. */
  id: string;
  /** Header text, e.g. 'conv1_2 + pool1'. */
  label: string;
  /** Second header line, e.g. '8 maps' or 'top 8 of 64 units'. */
  note: string;
  /** A shorter note for narrow columns, e.g. '8/64 units'. */
  shortNote: string;
  kind: SankeyColumnKind;
  /** Pathway layer indices drawn in this column (empty for the input column). */
  layers: number[];
  /** Channels (maps, units, input channels or classes) of the column's last layer. */
  size: number;
}

export type SankeyNodeKind = 'input' | 'unit' | 'other' | 'class';

export interface SankeyGraphNode {
  /** `${column.id}:${channel}`, `${column.id}:other`, 'input:j' or 'class:c'. */
  id: string;
  column: number;
  /** Top-to-bottom position within the column (channel order, "other" last). */
  order: number;
  kind: SankeyNodeKind;
  /** Full label, e.g. 'conv1_1 · map 3'. */
  label: string;
  /** Label drawn beside the node, e.g. 'map 3'; the column header names the layer. */
  shortLabel: string;
  /** Channels represented (one, or all aggregated by an "other" node). */
  members: number[];
  /** Signed node flow F (definition 5), summed over members. */
  flow: number;
  /** Signed sums of drawn links in and out. */
  inFlow: number;
  outFlow: number;
  /** Signed sums of pruned links: the explicit hidden tally that keeps every node balanced. */
  hiddenIn: number;
  hiddenOut: number;
  /** Σ|flow| of drawn and of hidden links, per side (these set the node's drawn height). */
  inAbs: number;
  outAbs: number;
  hiddenInAbs: number;
  hiddenOutAbs: number;
}

export interface SankeyGraphLink {
  /** `${source}->${target}`. */
  id: string;
  source: string;
  target: string;
  /** Index of the target column. */
  column: number;
  /** Signed flow (the exact sum over the member links). */
  flow: number;
  /** Non-zero layer-level links summed into this one (more than one touches an "other" node). */
  members: number;
  /** Σ|flow| of the members; ≥ |flow| when aggregated links of opposite signs cancel. */
  memberAbs: number;
}

/** What pruning and aggregation did, counted over the original layer-level links. */
export interface PruneStats {
  /** Non-zero links between drawn columns (before aggregation or pruning). */
  totalLinks: number;
  drawnLinks: number;
  /** Original links whose flow went to hidden tallies. */
  hiddenLinks: number;
  /** Original links drawn inside a link that touches an "other" node. */
  aggregatedLinks: number;
  /** Links with exactly zero flow (gated off); they carry nothing and are not drawn. */
  zeroLinks: number;
  totalAbs: number;
  shownAbs: number;
  hiddenAbs: number;
  /** shownAbs / totalAbs (1 when nothing flows). */
  shownShare: number;
  /** Maps aggregated into "other" nodes. */
  aggregatedNodes: number;
  /** Maps with no flow at all for this selection (dead ReLU gates); not drawn. */
  inactiveNodes: number;
}

export interface SankeyGraph {
  columns: SankeyColumn[];
  nodes: SankeyGraphNode[];
  links: SankeyGraphLink[];
  /** The pruned links at the drawn (aggregated) level, so exports can list what is missing. */
  hiddenLinks: SankeyGraphLink[];
  stats: PruneStats;
  pixels: number[];
  classIndex: number;
  className: string;
  relevance: number;
  /** Largest |Σin − Σout| over nodes, hidden tallies included (float32 rounding of the engine). */
  maxImbalance: number;
  /** Largest |Σin − F| or |Σout − F| over nodes. */
  maxFlowMismatch: number;
  /** Nothing flows (e.g. a zero-valued pixel): there are no pathways to draw. */
  empty: boolean;
  options: SankeyGraphOptions;
}

/** The Sankey's user settings (stored, and mirrored in the link by src/state/url-fields.ts). */
export interface SankeySettings {
  prune: PruneSpec;
  poolMode: PoolMode;
  denseTopN: number;
  rankBy: RankBy;
}

export const DEFAULT_SANKEY_SETTINGS: SankeySettings = {
  prune: { mode: 'topK', k: 8 },
  poolMode: 'merge',
  denseTopN: 8,
  rankBy: 'flow',
};
