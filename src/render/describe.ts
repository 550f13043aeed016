// Plain-language readouts of nodes and links, for tooltips, the hover line and screen readers.
import type { SankeyGraphLink, SankeyGraphNode } from '../layout/sankey-types';
import type { SubjectWords } from '../lib/dataset-words';
import { formatPercent, formatSigned } from '../lib/format';

/**
 * Each node's share of the |flow| through its column, and each link's share of the |flow| between
 * its two columns (drawn and pruned links together). Shares are of |flow|, so they lie in 0–1 and
 * add up to 1 per column and per gap, whatever the signs: a map carrying −5 next to one carrying +6
 * has 5/11 of the column, not −500 % of the net total +1.
 */
export interface FlowShares {
  node: Map<string, number>;
  link: Map<string, number>;
  /** Columns (by index) that hold a single node, where a share says nothing. */
  single: Set<number>;
}

export function flowShares(graph: {
  nodes: readonly SankeyGraphNode[];
  links: readonly SankeyGraphLink[];
  hiddenLinks?: readonly SankeyGraphLink[];
}): FlowShares {
  const columnAbs = new Map<number, number>();
  const columnCount = new Map<number, number>();
  for (const n of graph.nodes) {
    columnAbs.set(n.column, (columnAbs.get(n.column) ?? 0) + Math.abs(n.flow));
    columnCount.set(n.column, (columnCount.get(n.column) ?? 0) + 1);
  }
  const gapAbs = new Map<number, number>();
  const allLinks = [...graph.links, ...(graph.hiddenLinks ?? [])];
  for (const l of allLinks) gapAbs.set(l.column, (gapAbs.get(l.column) ?? 0) + Math.abs(l.flow));
  const ratio = (part: number, whole: number | undefined) =>
    whole && whole > 0 ? Math.min(1, Math.abs(part) / whole) : 0;
  return {
    node: new Map(graph.nodes.map((n) => [n.id, ratio(n.flow, columnAbs.get(n.column))])),
    link: new Map(allLinks.map((l) => [l.id, ratio(l.flow, gapAbs.get(l.column))])),
    single: new Set([...columnCount].filter(([, count]) => count === 1).map(([c]) => c)),
  };
}

/** "flow −0.0147 logit (lowers the class score)". */
function describeFlow(flow: number): string {
  const effect =
    flow > 0 ? ' (raises the class score)' : flow < 0 ? ' (lowers the class score)' : '';
  return `flow ${formatSigned(flow)} logit${effect}`;
}

export function describeNode(node: SankeyGraphNode, shares?: FlowShares): string {
  const lines = [node.label, describeFlow(node.flow)];
  const share = shares?.node.get(node.id);
  if (share !== undefined && !shares?.single.has(node.column))
    lines.push(`${formatPercent(share)} of the |flow| through this column`);
  if (node.kind === 'other') lines.push(`the exact sum of these ${node.members.length}`);
  const hidden = node.hiddenInAbs + node.hiddenOutAbs;
  if (hidden > 0) {
    lines.push(
      `hidden links: ${formatSigned(node.hiddenIn)} in, ${formatSigned(node.hiddenOut)} out`,
    );
  }
  return lines.join('\n');
}

export function describeLink(
  link: SankeyGraphLink,
  labelOf: (id: string) => string,
  shares?: FlowShares,
): string {
  const lines = [`${labelOf(link.source)} → ${labelOf(link.target)}`, describeFlow(link.flow)];
  const share = shares?.link.get(link.id);
  if (share !== undefined)
    lines.push(`${formatPercent(share)} of the |flow| between these columns`);
  if (link.members > 1)
    lines.push(`sum of ${link.members} links (|flow| ${link.memberAbs.toPrecision(3)})`);
  return lines.join('\n');
}

/**
 * Why a selection has no pathways: the whole image is blank, its pixels are all 0 (background),
 * or they are not but the ReLU gates this image sets switch off every path from them.
 */
export function emptyPathwaysMessage(
  cause: 'canvas' | 'zero' | 'gated',
  pixelCount: number,
  words: Pick<SubjectWords, 'noun' | 'signalPixels'>,
): string {
  const many = pixelCount > 1;
  if (cause === 'canvas') return 'The canvas is empty: draw something.';
  if (cause === 'zero') {
    return many
      ? `These ${pixelCount} pixels are all 0 (background), so they send no signal: pathways ` +
          `start only from ${words.signalPixels}. Pick pixels on the ${words.noun}.`
      : `This pixel is 0 (background), so it sends no signal: pathways start only from ` +
          `${words.signalPixels}. Pick a pixel on the ${words.noun}.`;
  }
  return (
    `${many ? 'These pixels are not 0' : 'This pixel is not 0'}, but for this image the ` +
    `network's ReLU gates switch off every path from ${many ? 'them' : 'it'}, so ` +
    `${many ? 'they send' : 'it sends'} nothing to the class. Pick another pixel on the ${words.noun}.`
  );
}

/** One paragraph for screen readers: the total, then the largest node of each column. */
export function summarizeGraph(graph: {
  columns: ReadonlyArray<{ index: number; label: string; note: string; kind: string }>;
  nodes: readonly SankeyGraphNode[];
  relevance: number;
  className: string;
}): string {
  const parts = graph.columns
    .filter((c) => c.kind !== 'input' && c.kind !== 'class')
    .map((c) => {
      const top = graph.nodes
        .filter((n) => n.column === c.index && n.kind === 'unit')
        .sort((a, b) => Math.abs(b.flow) - Math.abs(a.flow))[0];
      return top ? `${top.label} ${formatSigned(top.flow)}` : `${c.label}: nothing`;
    });
  const from = graph.columns[0]?.note ?? 'the selection';
  return (
    `Flow from ${from} to class ${graph.className}: ${formatSigned(graph.relevance)} logit. ` +
    (parts.length ? `Largest map per layer: ${parts.join('; ')}.` : '')
  );
}

/** Figure title and subtitle, shared by exports and the panel heading. */
export function sankeyTitle(graph: {
  columns: ReadonlyArray<{ note: string }>;
  classIndex: number;
  className: string;
}): string {
  const from = graph.columns[0]?.note ?? 'selection';
  const cls =
    graph.className === String(graph.classIndex)
      ? `class ${graph.classIndex}`
      : `class ${graph.classIndex} · ${graph.className}`;
  return `Pathways of ${from} to ${cls}`;
}
