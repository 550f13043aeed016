// Plain-language readouts of nodes and links, for tooltips, the hover line and screen readers.
import type { SankeyGraphLink, SankeyGraphNode } from '../layout/sankey-types';
import { formatPercent, formatSigned } from '../lib/format';

function ofTotal(flow: number, relevance: number): string {
  if (relevance === 0) return '';
  const p = flow / relevance;
  const pct = formatPercent(Math.abs(p));
  return ` (${p < 0 ? '\u2212' : ''}${pct} of the total)`;
}

export function describeNode(node: SankeyGraphNode, relevance: number): string {
  const lines = [`${node.label}: flow ${formatSigned(node.flow)}${ofTotal(node.flow, relevance)}`];
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
  relevance: number,
): string {
  const lines = [
    `${labelOf(link.source)} → ${labelOf(link.target)}`,
    `flow ${formatSigned(link.flow)}${ofTotal(link.flow, relevance)}`,
  ];
  if (link.members > 1)
    lines.push(`sum of ${link.members} links (|flow| ${link.memberAbs.toPrecision(3)})`);
  return lines.join('\n');
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
