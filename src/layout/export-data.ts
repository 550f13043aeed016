// The drawn Sankey as JSON: exactly the nodes and links on screen, the hidden tallies and pruned
// links that keep each node balanced, and the geometry, so a figure can be checked against its data.
import { isLocalModelUrl } from '../storage/local-model-id';
import type { SankeyLayout } from './sankey-layout';
import type { PruneStats, SankeyGraph, SankeyGraphLink, SankeyGraphOptions } from './sankey-types';

export const SANKEY_JSON_FORMAT = 'pathway-lens/sankey@1';

/** Where a figure comes from: enough to find it again (the link reopens the same view). */
export interface SankeySource {
  /** Built-in model id ('mnist', 'fashion') or the custom model's URL. */
  model: string;
  /** The model's name, e.g. 'MNIST'. */
  modelLabel: string;
  image:
    | { kind: 'sample'; sample: number; label: number | null }
    | { kind: 'drawn' }
    | { kind: 'uploaded'; name?: string };
  /** The address of the view (it encodes a drawn or uploaded image too). */
  link: string;
}

function describeImage(image: SankeySource['image']): string {
  switch (image.kind) {
    case 'sample':
      return `gallery sample ${image.sample}${image.label === null ? '' : ` (label ${image.label})`}`;
    case 'drawn':
      return 'drawn';
    case 'uploaded':
      return image.name ? `uploaded (${image.name})` : 'uploaded';
  }
}

/**
 * The figure's caption: model, image, pixel and class on one line, then the link, cut into lines
 * of at most `width` characters (a long link, e.g. of a drawn image, wraps; it is never shortened).
 */
export function sourceCaption(
  source: SankeySource,
  graph: Pick<SankeyGraph, 'columns' | 'classIndex' | 'className'>,
  width = 150,
): string[] {
  const cls =
    graph.className === String(graph.classIndex)
      ? `class ${graph.classIndex}`
      : `class ${graph.classIndex} (${graph.className})`;
  const head = [
    `Model ${source.modelLabel}`,
    `image: ${describeImage(source.image)}`,
    graph.columns[0]?.note || 'the selection',
    cls,
  ].join(' · ');
  // A model opened from files travels in the link by its hash only: say what opening it needs.
  const link = isLocalModelUrl(source.model)
    ? `Link (opens with the same model files only): ${source.link}`
    : `Link: ${source.link}`;
  const lines = [head];
  for (let i = 0; i < link.length; i += width) lines.push(link.slice(i, i + width));
  return lines;
}

export interface SankeyJsonLink {
  source: string;
  target: string;
  flow: number;
  members: number;
  memberAbs: number;
}

export interface SankeyJson {
  format: typeof SANKEY_JSON_FORMAT;
  title: string;
  units: 'logit';
  pixels: number[];
  classIndex: number;
  className: string;
  relevance: number;
  options: Omit<SankeyGraphOptions, 'classNames'>;
  columns: Array<{ id: string; label: string; note: string; kind: string; layers: number[] }>;
  nodes: Array<{
    id: string;
    column: number;
    kind: string;
    label: string;
    members: number[];
    flow: number;
    inFlow: number;
    outFlow: number;
    hiddenIn: number;
    hiddenOut: number;
    box: [x0: number, y0: number, x1: number, y1: number] | null;
  }>;
  links: Array<SankeyJsonLink & { width: number | null }>;
  /** Pruned links (at the drawn, aggregated level): their flow is in the nodes' hidden tallies. */
  hiddenLinks: SankeyJsonLink[];
  stats: PruneStats;
  balance: { maxImbalance: number; maxFlowMismatch: number };
  /** Model, image and link of the view the figure was exported from (absent in tests). */
  source?: SankeySource;
  notes: string[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const structuredCopy = (s: SankeySource): SankeySource => ({ ...s, image: { ...s.image } });

function plainLink(l: SankeyGraphLink): SankeyJsonLink {
  return {
    source: l.source,
    target: l.target,
    flow: l.flow,
    members: l.members,
    memberAbs: l.memberAbs,
  };
}

export function sankeyToJson(
  graph: SankeyGraph,
  layout: SankeyLayout | null,
  title: string,
  source?: SankeySource,
): SankeyJson {
  const boxes = new Map(layout?.nodes.map((n) => [n.id, n]) ?? []);
  const widths = new Map(layout?.links.map((l) => [l.id, l.width]) ?? []);
  const { classNames: _names, ...options } = graph.options;
  return {
    format: SANKEY_JSON_FORMAT,
    title,
    units: 'logit',
    pixels: [...graph.pixels],
    classIndex: graph.classIndex,
    className: graph.className,
    relevance: graph.relevance,
    options,
    columns: graph.columns.map((c) => ({
      id: c.id,
      label: c.label,
      note: c.note,
      kind: c.kind,
      layers: [...c.layers],
    })),
    nodes: graph.nodes.map((n) => {
      const b = boxes.get(n.id);
      return {
        id: n.id,
        column: n.column,
        kind: n.kind,
        label: n.label,
        members: [...n.members],
        flow: n.flow,
        inFlow: n.inFlow,
        outFlow: n.outFlow,
        hiddenIn: n.hiddenIn,
        hiddenOut: n.hiddenOut,
        box: b ? [round1(b.x0), round1(b.y0), round1(b.x1), round1(b.y1)] : null,
      };
    }),
    links: graph.links.map((l) => {
      const w = widths.get(l.id);
      return { ...plainLink(l), width: w === undefined ? null : round1(w) };
    }),
    hiddenLinks: graph.hiddenLinks.map(plainLink),
    stats: { ...graph.stats },
    balance: { maxImbalance: graph.maxImbalance, maxFlowMismatch: graph.maxFlowMismatch },
    ...(source ? { source: structuredCopy(source) } : {}),
    notes: [
      'Flows are signed contributions to the class logit (docs/method.md, definition 5).',
      'At every node: inFlow + hiddenIn = flow = outFlow + hiddenOut, up to float32 rounding.',
      '"other" nodes and their links are exact sums of their members.',
      'Links to or from "other" nodes may cancel: memberAbs ≥ |flow|.',
    ],
  };
}
